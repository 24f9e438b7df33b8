#!/bin/sh
# Rebuild data/ner/model.bin, the named-entity tagger nass ships.
#
# Word classes are induced from the ANT news corpus (Apache-2.0), then the tagger is trained on
# ANERcorp's CAMeL Lab train split (CC BY-SA 4.0, counted twice, the second time with the
# words of people's names swapped for one another) and AQMAR (CC BY-SA 3.0);
# see NOTICE. Press articles annotated for their people count too: data/ner/press (252 ANT
# articles) and the gold sets already read; data/gold/heldout3 and heldout4 are never trained
# on, they are the measure on unseen text. The weights are the average of six training runs shuffled
# differently (--runs 6: one run varies by about +-0.7 PERS F1 in cross-validation with its
# seed, and by about three points of people recall on a 24-article held-out set). Before
# training, 5-fold cross-validation on ANERcorp prints the scores of the report's entity path,
# then those of the tagger alone. Takes about twelve minutes on two cores.
#
# Usage: tools/train_ner.sh [SHARED_DATA_DIR]   (default ../shared/data)
set -eu
data=${1:-../shared/data}
cd "$(dirname "$0")/.."
cargo build --release --quiet
nass=${CARGO_TARGET_DIR:-target}/release/nass
classes=$(mktemp)
trap 'rm -f "$classes"' EXIT
"$nass" train clusters "$data/news/ant-v1.1" --out "$classes"
"$nass" train ner --runs 6 --cv "$data/ner/ANERCorp_CamelLab_train.txt" --clusters "$classes" \
    "$data/ner/aqmar" data/ner/press data/gold/press data/gold/heldout data/gold/heldout-ant2 \
    data/gold/heldout-wikinews --out data/ner/model.bin
