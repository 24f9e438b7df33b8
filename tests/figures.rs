//! Figures: the examples of the specification, number words from num2words' Arabic tests, and
//! a paragraph of press text with every figure listed by hand.

use nass::extract::figures::{extract_figures, Figure};
use nass::extract::numbers::parse_quantity;

fn all(text: &str) -> Vec<Figure> {
    let figures = extract_figures(text, &[]);
    for f in &figures {
        assert_eq!(&text[f.start..f.end], f.text, "span of {f:?}");
    }
    figures
}

fn one(text: &str) -> Figure {
    let mut figures = all(text);
    assert_eq!(figures.len(), 1, "{text}: {figures:?}");
    figures.remove(0)
}

fn value(text: &str) -> (f64, bool) {
    let f = one(text);
    (f.value, f.percent)
}

// ---------------------------------------------------------------------------------------------
// (a) The examples of the specification.

#[test]
fn separators_from_the_specification() {
    assert_eq!(value("81,31%"), (81.31, true));
    assert_eq!(value("40.000"), (40000.0, false));
    assert_eq!(value("6 ملايين و456.392"), (6_456_392.0, false));
    assert_eq!(value("10.33 آلاف"), (10330.0, false));
    assert_eq!(value("1,820"), (1820.0, false));
    assert_eq!(value("82,2"), (82.2, false));
    assert_eq!(value("69,44"), (69.44, false));
    assert_eq!(value("1.820.000"), (1_820_000.0, false));
    assert_eq!(value("1,234.56"), (1234.56, false));
    assert_eq!(value("1.234,56"), (1234.56, false));
    assert_eq!(one("6 ملايين و456.392").text, "6 ملايين و456.392");
}

#[test]
fn arabic_indic_digits_and_signs() {
    assert_eq!(value("٨١٫٣١٪"), (81.31, true));
    assert_eq!(value("١٬٨٢٠"), (1820.0, false));
    assert_eq!(value("٤٠٬٠٠٠"), (40000.0, false));
    assert_eq!(value("٪٦٩٫٤٤"), (69.44, true));
    assert_eq!(value("٦ ملايين و٤٥٦٬٣٩٢"), (6_456_392.0, false));
    assert_eq!(value("۱۲ مليون"), (12e6, false));
}

#[test]
fn percentages_from_the_specification() {
    for text in [
        "12,5%",
        "12,5٪",
        "%12,5",
        "٪12,5",
        "12,5 %",
        "12,5 في المائة",
        "12,5 في المئة",
        "12,5 فى المائه",
        "12,5 بالمائة",
        "12,5 بالمئة",
        "12,5 بالمئه",
        "12,5 بالمائه",
    ] {
        assert_eq!(value(text), (12.5, true), "{text}");
    }
    // As PDF extraction leaves it.
    assert_eq!(value("بلغت %69,44"), (69.44, true));
    // A percentage reads 3 digits after one separator as decimals.
    assert_eq!(value("1,820%"), (1.82, true));
}

#[test]
fn scale_words_from_the_specification() {
    for (text, v) in [
        ("ألف", 1e3),
        ("3 آلاف", 3e3),
        ("20 ألفاً", 20e3),
        ("20 ألفا", 20e3),
        ("20 الفا", 20e3),
        ("مليون", 1e6),
        ("3 ملايين", 3e6),
        ("مليوناً", 1e6),
        ("مليار", 1e9),
        ("3 مليارات", 3e9),
        ("ألفان", 2e3),
        ("مليونين", 2e6),
        ("2,5 مليار", 2.5e9),
        ("1.5 مليون", 1.5e6),
    ] {
        assert_eq!(value(text), (v, false), "{text}");
    }
    // Plural scale words alone are vague ("thousands of").
    assert!(all("آلاف المتظاهرين وملايين الدولارات ومليارات").is_empty());
}

#[test]
fn number_words_from_the_specification() {
    for (text, v) in [
        ("ثلاثة آلاف", 3000.0),
        ("مليوناً وخمسمئة ألف", 1_500_000.0),
        ("سبعة", 7.0),
        ("عشرون", 20.0),
        ("مئة", 100.0),
        ("مائة", 100.0),
        ("ثلاثمئة", 300.0),
        ("ثلاثمائة", 300.0),
        ("اثنان", 2.0),
        ("اثنين", 2.0),
        ("اثنتان", 2.0),
        ("ثلاثةُ آلافٍ", 3000.0),
        ("خمسـة", 5.0),
    ] {
        assert_eq!(value(text), (v, false), "{text}");
    }
}

#[test]
fn ordinals_are_not_figures() {
    for text in [
        "الأول",
        "المرتبة الثانية",
        "الفصل الثالث",
        "رابعاً",
        "الدورة الخامسة",
        "سادس انتخابات",
        "في السابع من مايو",
        "القرن التاسع عشر",
        "الذكرى العشرين",
        "الساعة الثامنة",
    ] {
        assert!(all(text).is_empty(), "{text}: {:?}", all(text));
    }
}

#[test]
fn counted_nouns_from_the_specification() {
    assert_eq!(one("تنافس 6 مرشحين").unit.as_deref(), Some("مرشحين"));
    assert_eq!(one("فاز بـ 6 ملايين و456.392 صوتاً").unit.as_deref(), Some("صوتا"));
    assert_eq!(one("شارك 641 مراقباً من المنظمات").unit.as_deref(), Some("مراقبا"));
    assert_eq!(one("بقرابة ثلاثة آلاف من النشطاء").unit.as_deref(), Some("النشطاء"));
    assert_eq!(one("ارتفع 5 في حين").unit, None);
}

#[test]
fn currencies_from_the_specification() {
    for (text, v, c) in [
        ("5 ملايين دولار", 5e6, "دولار"),
        ("300 دينار", 300.0, "دينار"),
        ("300 ريال", 300.0, "ريال"),
        ("300 يورو", 300.0, "يورو"),
        ("300 جنيه", 300.0, "جنيه"),
        ("300 درهم", 300.0, "درهم"),
        ("300 تنغي", 300.0, "تنغي"),
        ("300 تينغ", 300.0, "تنغي"),
        ("300 دولارات", 300.0, "دولار"),
        ("$300", 300.0, "$"),
        ("300$", 300.0, "$"),
        ("€ 300", 300.0, "€"),
        ("300 €", 300.0, "€"),
        ("£300", 300.0, "£"),
    ] {
        let f = one(text);
        assert_eq!((f.value, f.currency.as_deref()), (v, Some(c)), "{text}");
    }
}

#[test]
fn years_and_dates_are_not_figures() {
    for text in [
        "عام 2023",
        "سنة 1991",
        "العام 2022",
        "لعام 2022",
        "منذ 1991",
        "في 2019",
        "خلال 2020",
        "نوفمبر 2023",
        "16 مارس",
        "21 نوفمبر 2022",
        "في 12 أبريل",
        "2003-2007",
        "(1975)",
        "12/05/2023",
    ] {
        assert!(all(text).is_empty(), "{text}: {:?}", all(text));
    }
    // A year-like number that counts something is a figure.
    assert_eq!(one("اعتقل 2000 شخص").value, 2000.0);
    assert_eq!(one("2000 دولار").currency.as_deref(), Some("دولار"));
    // Dates found by the date extractor are left out, whatever they contain.
    let text = "صوت 300 ناخب في 5 يونيو";
    let date = text.find("5 يونيو").unwrap();
    let date = date..text.len();
    let figures = extract_figures(text, std::slice::from_ref(&date));
    assert_eq!(figures.iter().map(|f| f.value).collect::<Vec<_>>(), [300.0]);
}

// ---------------------------------------------------------------------------------------------
// (b) Number words and currency forms from num2words' Arabic tests
// (https://github.com/savoirfairelinux/num2words, tests/test_ar.py; LGPL-2.1; short quotations
// used as test data only). Text as num2words writes it, with `و` apart from the next word.

const NUM2WORDS: &[(&str, f64, Option<&str>)] = &[
    ("واحد ريال", 1.0, Some("ريال")),
    ("اثنان ريالان", 2.0, Some("ريال")),
    ("عشرة ريالات", 10.0, Some("ريال")),
    ("مائة ريال", 100.0, Some("ريال")),
    ("ستمائة و اثنان و خمسون ريالاً و اثنتا عشرة هللة", 652.0, Some("ريال")),
    ("ثلاثمائة و أربعة و عشرون ريالاً", 324.0, Some("ريال")),
    ("ألفا ريال", 2000.0, Some("ريال")),
    ("خمسمائة و واحد و أربعون ريالاً", 541.0, Some("ريال")),
    ("عشرة آلاف ريال", 10000.0, Some("ريال")),
    ("عشرون ألف ريال و اثنتا عشرة هللة", 20000.0, Some("ريال")),
    ("مليون ريال", 1e6, Some("ريال")),
    ("تسعمائة و ثلاثة و عشرون ألفاً و أربعمائة و أحد عشر ريالاً", 923_411.0, Some("ريال")),
    ("ثلاثة و ستون ألفاً و أربعمائة و أحد عشر ريالاً", 63_411.0, Some("ريال")),
    ("واحد دينار", 1.0, Some("دينار")),
    ("عشرة جنيهات", 10.0, Some("جنيه")),
    ("عشرون ألف جنيه و اثنتا عشرة قرش", 20000.0, Some("جنيه")),
    ("ألف دينار و أربعمائة و عشرون مليم", 1000.0, Some("دينار")),
    ("مائة و ثلاثة و عشرون ديناراً و مئتان و عشر مليمات", 123.0, Some("دينار")),
    ("فقط ستمائة و خمسة و أربعون ريالاً لاغير", 645.0, Some("ريال")),
    ("اثنا عشر", 12.0, None),
    ("سالب ثمانية آلاف و ثلاثمائة و أربعة و عشرون", -8324.0, None),
    ("مئتا", 200.0, None),
    ("سبعمائة", 700.0, None),
    ("أربعمائة و واحد و ثلاثون", 431.0, None),
    ("أربعة و تسعون ألفاً و مئتان و واحد و ثلاثون", 94_231.0, None),
    ("ألف و أربعمائة و واحد و ثلاثون", 1431.0, None),
    ("سبعمائة و أربعون", 740.0, None),
    ("سبعمائة و أحد عشر", 711.0, None),
    ("مليون و مئتان و ثمانية و خمسون ألفاً و ثمانمائة و ثمانية و ثمانون", 1_258_888.0, None),
    ("ألف و مائة", 1100.0, None),
    ("مليار و خمسمائة و واحد و عشرون", 1_000_000_521.0, None),
    ("ثلاثة و عشرون", 23.0, None),
];

#[test]
fn num2words_cardinals_and_currencies() {
    for &(text, v, currency) in NUM2WORDS {
        let figures = all(text);
        let f = figures.first().unwrap_or_else(|| panic!("{text}: no figure"));
        assert_eq!((f.value, f.currency.as_deref()), (v, currency), "{text}");
        // The first figure is the whole amount (subunits are figures of their own).
        assert!(f.end == text.len() || !text[f.end..].trim_start().starts_with(|c: char| c.is_ascii_digit()));
        if currency.is_none() {
            assert_eq!(parse_quantity(text), Some(v), "{text}");
        }
    }
}

#[test]
fn num2words_subunits_are_figures_of_their_own() {
    let figures = all("ستمائة و اثنان و خمسون ريالاً و اثنتا عشرة هللة");
    let got: Vec<(f64, Option<&str>)> = figures.iter().map(|f| (f.value, f.currency.as_deref())).collect();
    assert_eq!(got, [(652.0, Some("ريال")), (12.0, Some("هللة"))]);
    let figures = all("مليون ريال و تسع و تسعون هللة");
    let got: Vec<(f64, Option<&str>)> = figures.iter().map(|f| (f.value, f.currency.as_deref())).collect();
    assert_eq!(got, [(1e6, Some("ريال")), (99.0, Some("هللة"))]);
    assert_eq!(parse_quantity("صفر"), Some(0.0));
}

// ---------------------------------------------------------------------------------------------
// (c) A paragraph of press text (written for this test) with every figure listed by hand.

const PARAGRAPH: &str = "أعلنت الهيئة العليا المستقلة للانتخابات، مساء الأحد 14 أبريل 2024، النتائج الأولية \
للانتخابات التشريعية التي جرت يوم السبت، وبلغت نسبة المشاركة 41,7% من أصل 7.365.000 ناخب مسجل، \
أي ما يزيد على ثلاثة ملايين مقترع. وحصل حزب التجمع الوطني على 1.284.516 صوتاً (42,3 في المائة) \
و87 مقعداً من أصل 217، متقدماً على حزب النهضة الذي نال 612 ألف صوت بنسبة 20.15% و41 مقعدا، \
فيما تقاسمت القوائم المستقلة وعددها ثلاث وعشرون قائمة بقية المقاعد. وقال رئيس الهيئة إن تنظيم \
الاقتراع كلف الدولة 56 مليون دينار، أي نحو 18,5 مليون دولار، مقابل 49 مليون دينار في انتخابات \
2019، مشيراً إلى أن 4850 مكتب اقتراع فتحت أبوابها في الثامنة صباحاً، وأن خمسة آلاف وخمسمائة \
مراقب محلي ودولي تابعوا العملية، بينهم 120 مراقباً من الاتحاد الأوروبي. وسجلت الهيئة 312 مخالفة، \
أحيل منها 27 ملفاً على القضاء، بينما ارتفع عدد الناخبين الجدد بنحو 9 بالمئة مقارنة بعام 2019، \
وتجاوز عدد المسجلين في الخارج نصف مليون ناخب. ويتوقع أن تعلن النتائج النهائية قبل 30 أبريل \
الجاري، على أن يعقد البرلمان الجديد جلسته الأولى خلال 15 يوماً من إعلانها.
وفي سياق متصل، أظهرت بيانات وزارة المالية أن عجز الموازنة تراجع إلى ٣٫٢٪ من الناتج المحلي في \
عام ٢٠٢٣، بعدما بلغ ٤٫٨٪ في ٢٠٢٢، وأن الحكومة اقترضت ٢,٥ مليار دولار من الأسواق الدولية منذ مطلع \
العام، إضافة إلى قرض بقيمة $750 مليون من صندوق النقد الدولي يسدد على ١٠ سنوات بفائدة تتراوح \
بين 2 و2,5 في المئة.";

/// (text, value, percent, unit, currency), in order.
type Expected = (&'static str, f64, bool, Option<&'static str>, Option<&'static str>);

const PARAGRAPH_FIGURES: &[Expected] = &[
    ("41,7%", 41.7, true, None, None),
    ("7.365.000", 7_365_000.0, false, Some("ناخب"), None),
    ("ثلاثة ملايين", 3e6, false, Some("مقترع"), None),
    ("1.284.516", 1_284_516.0, false, Some("صوتا"), None),
    ("42,3 في المائة", 42.3, true, None, None),
    ("87", 87.0, false, Some("مقعدا"), None),
    ("217", 217.0, false, None, None),
    ("612 ألف", 612_000.0, false, Some("صوت"), None),
    ("20.15%", 20.15, true, None, None),
    ("41", 41.0, false, Some("مقعدا"), None),
    ("ثلاث وعشرون", 23.0, false, Some("قائمة"), None),
    ("56 مليون", 56e6, false, None, Some("دينار")),
    ("18,5 مليون", 18.5e6, false, None, Some("دولار")),
    ("49 مليون", 49e6, false, None, Some("دينار")),
    ("4850", 4850.0, false, Some("مكتب"), None),
    ("خمسة آلاف وخمسمائة", 5500.0, false, Some("مراقب"), None),
    ("120", 120.0, false, Some("مراقبا"), None),
    ("312", 312.0, false, Some("مخالفة"), None),
    ("27", 27.0, false, Some("ملفا"), None),
    ("9 بالمئة", 9.0, true, None, None),
    ("نصف مليون", 500_000.0, false, Some("ناخب"), None),
    ("15", 15.0, false, Some("يوما"), None),
    ("٣٫٢٪", 3.2, true, None, None),
    ("٤٫٨٪", 4.8, true, None, None),
    ("٢,٥ مليار", 2.5e9, false, None, Some("دولار")),
    ("750 مليون", 750e6, false, None, Some("$")),
    ("١٠", 10.0, false, Some("سنوات"), None),
    ("2", 2.0, true, None, None),
    ("2,5 في المئة", 2.5, true, None, None),
];

/// Dates and parts of dates in the paragraph: none of them may be (part of) a figure.
const PARAGRAPH_DATES: &[&str] = &["14 أبريل 2024", "انتخابات 2019", "بعام 2019", "30 أبريل", "عام ٢٠٢٣", "في ٢٠٢٢"];

/// Recall and precision of `found` against `expected`: a figure matches when its text, value
/// and percent flag are the expected ones.
fn score(found: &[Figure], expected: &[Expected]) -> (f64, f64) {
    let hits =
        found.iter().filter(|f| expected.iter().any(|e| e.0 == f.text && e.1 == f.value && e.2 == f.percent)).count();
    (hits as f64 / expected.len() as f64, hits as f64 / found.len().max(1) as f64)
}

#[test]
fn press_paragraph_every_figure_and_no_date() {
    let found = all(PARAGRAPH);
    let (recall, precision) = score(&found, PARAGRAPH_FIGURES);
    eprintln!(
        "paragraph: {} figures expected, {} found, recall {recall:.3}, precision {precision:.3}",
        PARAGRAPH_FIGURES.len(),
        found.len()
    );
    type Owned = (String, f64, bool, Option<String>, Option<String>);
    let got: Vec<Owned> =
        found.iter().map(|f| (f.text.clone(), f.value, f.percent, f.unit.clone(), f.currency.clone())).collect();
    let expected: Vec<Owned> = PARAGRAPH_FIGURES
        .iter()
        .map(|&(t, v, p, u, c)| (t.to_string(), v, p, u.map(String::from), c.map(String::from)))
        .collect();
    assert_eq!(got, expected);
    for date in PARAGRAPH_DATES {
        let d = PARAGRAPH.find(date).unwrap_or_else(|| panic!("{date} not in the paragraph"));
        let span = d..d + date.len();
        assert!(!found.iter().any(|f| f.start < span.end && span.start < f.end), "{date} overlaps a figure");
    }
    // The same paragraph with the dates excluded by a date extractor gives the same figures.
    let dates: Vec<_> = PARAGRAPH_DATES
        .iter()
        .map(|date| {
            let d = PARAGRAPH.find(date).unwrap();
            d..d + date.len()
        })
        .collect();
    assert_eq!(extract_figures(PARAGRAPH, &dates), found);
}

/// The figures of corpus/003 (an election report, after `nass clean`), listed by hand: a few
/// lines around each, so that the test does not read the corpus.
#[test]
fn election_report_excerpts() {
    let text = "وإنتهت  بمقتل 238 شخصًا، ما أجبر الرئيس\n\
        حيث تنافس في المعترك الانتخابي، 6 مرشحين، كان من بينهم الرئيس الحالي\n\
        فوز الرئيس بنسب تتراوح بين 82,2 - 85,52 %  من الأصوات، لقناعتهم\n\
        بمشاركة 304 آلاف ناخب من مناطق\n\
        انطلقت عملية الإقتراع فى جمهورية كازاخستان الأحد، 21 نوفمبر 2022، حيث\n\
        فتحت مراكز الإقتراع البالغ عددها 10.33 الاف مركز أبوابها أمام 12 مليون ناخب\n\
        عن فوز قاسم جومارت كاميليفيتش توكايف بــ 6 ملايين و456.392 صوتًا بما يقارب نسبة الــ 81,31% من\n\
        أصوات الناخبين، من إجمالي  نسبة مشاركة بلغت 69,44%..\n\
        بقرابة ثلاثة آلاف من النشطاء، ومنهم أجانب\n\
        السوفياتي السابق، ،1975 عام حيث عمل دبلوماسياً\n\
        في الفترة 2003-2007 – وزير خارجية جمهورية كازاخستان، وخلال الفترة 2007-\n\n\
        2011 تولى منصب نائب\n\
        16أكتوبر 2013 انتخب رئيسًا لمجلس الشيوخ\n\
        خلال الأعوام السبعة المقبلة";
    let got: Vec<(String, f64, bool)> = all(text).into_iter().map(|f| (f.text, f.value, f.percent)).collect();
    let expected: Vec<(String, f64, bool)> = [
        ("238", 238.0, false),
        ("6", 6.0, false),
        ("82,2", 82.2, true),
        ("85,52 %", 85.52, true),
        ("304 آلاف", 304_000.0, false),
        ("10.33 الاف", 10330.0, false),
        ("12 مليون", 12e6, false),
        ("6 ملايين و456.392", 6_456_392.0, false),
        ("81,31%", 81.31, true),
        ("69,44%", 69.44, true),
        ("ثلاثة آلاف", 3000.0, false),
        ("السبعة", 7.0, false),
    ]
    .into_iter()
    .map(|(t, v, p)| (t.to_string(), v, p))
    .collect();
    assert_eq!(got, expected);
}

/// A wire report in the Tunisian style, written for this test: TAP decimals (`6ر4` is 4.6),
/// `م د` for million dinars, the Arabic comma between digits, law and decree numbers, a phone
/// number, a score and list marks; the dates found by the date extractor are left out.
#[test]
fn tunisian_wire_report() {
    use nass::extract::dates::extract_dates;
    let text = "تونس (وات) - ارتفعت صادرات زيت الزيتون خلال العام الماضي 2016 بنسبة 6ر4 بالمائة لتبلغ \
        1ر1240 م د مقابل 942،4 م.د في 2015، وفق الأمر الحكومي عدد 345 لسنة 2016 والفصلين 12 و13 من \
        القانون عدد 52. ويمكن الاستفسار على الرقم 71.341.666 قبل موفى جوان 2017. وفاز الترجي 3- صفر \
        يوم 16 مارس 2017 أمام 7500 متفرج. وأبرز النتائج:\n1- ارتفاع الصادرات. 2- تراجع الواردات بـ5ر12 \
        بالمائة.";
    let dates: Vec<_> = extract_dates(text).iter().map(|d| d.start..d.end).collect();
    let got: Vec<(String, f64, bool, Option<String>)> = extract_figures(text, &dates)
        .into_iter()
        .map(|f| {
            assert_eq!(&text[f.start..f.end], f.text);
            (f.text, f.value, f.percent, f.currency)
        })
        .collect();
    let dinar = || Some("دينار".to_string());
    let expected = vec![
        ("6ر4 بالمائة".to_string(), 4.6, true, None),
        ("1ر1240 م د".to_string(), 1_240_100_000.0, false, dinar()),
        ("942،4 م.د".to_string(), 942_400_000.0, false, dinar()),
        ("3".to_string(), 3.0, false, None),
        ("صفر".to_string(), 0.0, false, None),
        ("7500".to_string(), 7500.0, false, None),
        ("5ر12 بالمائة".to_string(), 12.5, true, None),
    ];
    assert_eq!(got, expected);
}

// ---------------------------------------------------------------------------------------------
// (d) Rules written after the development articles 21–30; every sentence here is invented.

/// (text, value) of every figure of `text`.
fn texts_values(text: &str) -> Vec<(String, f64)> {
    all(text).into_iter().map(|f| (f.text, f.value)).collect()
}

fn tv(text: &str, value: f64) -> (String, f64) {
    (text.to_string(), value)
}

#[test]
fn one_after_the_noun_it_counts() {
    let f = one("لم يحصل المرشح إلا على مقعد واحد في البرلمان.");
    assert_eq!((f.text.as_str(), f.value, f.unit.as_deref()), ("واحد", 1.0, Some("مقعد")));
    assert_eq!(value("دامت الجلسة ساعة واحدة فقط"), (1.0, false));
    assert_eq!(value("ارتفع المؤشر بنسبة واحد بالمئة"), (1.0, true));
    // Idioms, definite nouns, identifiers, duals and plurals, "one of", "and one of".
    for text in [
        "وصلت الوفود في آن واحد إلى القاعة",
        "انسحبت الشركة من جانب واحد من الاتفاق",
        "وقف الحاضرون كرجل واحد",
        "في عهد الحزب الواحد",
        "يمر الطريق الجهوي رقم واحد بالمدينة",
        "اصطدمت حافلتين واحدة قادمة من الشمال",
        "يعد الملعب واحد من أكبر الملاعب",
        "دار نقاش بين المدرب وأحد اللاعبين",
    ] {
        assert!(all(text).is_empty(), "{text}: {:?}", all(text));
    }
}

#[test]
fn a_definite_cardinal_before_its_counted_noun() {
    assert_eq!(texts_values("تراجعت المبيعات خلال الأربعة أشهر الأولى من السنة"), [tv("الأربعة", 4.0)]);
    assert_eq!(texts_values("حجزت الوحدات خلال الثلاثة عشر يوما الماضية سلعا مهربة"), [tv("الثلاثة عشر", 13.0)]);
    assert_eq!(texts_values("كانت بحوزته قرابة العشرين كيلوغراما من الفضة"), [tv("العشرين", 20.0)]);
    // The top N.
    assert_eq!(texts_values("تأهل الخمسة الأوائل إلى النهائي"), [tv("الخمسة", 5.0)]);
    assert_eq!(texts_values("نشرت المجلة قائمة العشرة الأكثر ثراء"), [tv("العشرة", 10.0)]);
    // Not a day name, not a definite adjective in the singular.
    assert!(all("انطلقت الأشغال يوم الاثنين الماضي").is_empty());
    assert!(all("حضرت الست الكبيرة الحفل").is_empty());
}

#[test]
fn a_decimal_read_with_the_word_for_the_point() {
    assert_eq!(value("بلغت نسبة النمو 2 فاصل 75 بالمائة"), (2.75, true));
    assert_eq!(value("قطع العداء المسافة في 9 فاصلة 8 ثانية"), (9.8, false));
}

#[test]
fn thousands_and_a_group_before_millions() {
    assert_eq!(value("ارتفع الدين إلى 3 آلاف و200 مليون دينار"), (3_200_000_000.0, false));
    assert_eq!(value("قدرت الكلفة بألفين وخمسمائة مليون دولار"), (2_500_000_000.0, false));
    // Two figures of a range, not 300002 million.
    assert_eq!(values("تتراوح الأجور بين 300 ألف و2 مليون"), [300_000.0, 2_000_000.0]);
}

#[test]
fn a_number_in_parentheses_counts_the_noun_after_them() {
    assert_eq!(one("ضبطت الدورية (25) صندوقا من السجائر").value, 25.0);
    assert_eq!(one("حجزت الفرقة ( 12 ) كيلوغراما من القنب").value, 12.0);
    // A footnote mark is still none.
    assert!(all("ورد ذلك في التقرير (2) الصادر أمس").is_empty());
}

#[test]
fn a_number_that_ends_a_quoted_name_is_no_figure() {
    assert!(all("يعتمد الهاتف على نظام \"أندرويد 8\" الجديد").is_empty());
    assert!(all("صدرت لعبة «فيفا 17» في الأسواق").is_empty());
    // A count inside quotes before its noun still is one.
    assert_eq!(value("وصف الحادث بأنه \"مقتل 3 أشخاص\""), (3.0, false));
}

#[test]
fn list_marks_inside_a_line_next_to_their_neighbours() {
    let standings =
        "الترتيب : 1- النادي البنزرتي 31 ن 2- الملعب التونسي 28 ن 3- أمل حمام سوسة 25 ن 5 - قوافل قفصة 20 ن";
    assert_eq!(values(standings), [31.0, 28.0, 25.0, 20.0]);
    // A score is no list mark: `2 - 1` keeps both sides.
    assert_eq!(values("فاز الفريق 2 - 1 ثم تعادل 3- 3"), [2.0, 1.0, 3.0, 3.0]);
}

fn values(text: &str) -> Vec<f64> {
    all(text).into_iter().map(|f| f.value).collect()
}

#[test]
fn digit_groups_written_in_display_order() {
    // `2 345 678` typed group by group in a right-to-left editor.
    assert_eq!(values("باعت الشركة 678 345 2 تذكرة"), [2_345_678.0]);
    // In such a text, two groups of three are read the same way.
    assert_eq!(values("استقبل الميناء 678 345 2 مسافرا مقابل 250 120 شخصا"), [2_345_678.0, 120_250.0]);
    // Elsewhere they are not joined that way.
    assert_eq!(values("بلغ العدد 1 200 000 نسمة"), [1_200_000.0]);
}

#[test]
fn a_definite_cardinal_before_an_adverb_is_no_count() {
    assert!(all("تقدم المنتخب إلى المرتبة الثالثة والخمسين عالميا").is_empty());
}

#[test]
fn a_number_restated_in_parentheses_is_one_figure() {
    let f = one("رصدت البلدية منحة قدرها ثلاثمائة (300) ألف دينار للمهرجان");
    assert_eq!((f.text.as_str(), f.value, f.currency.as_deref()), ("ثلاثمائة", 300_000.0, Some("دينار")));
    assert_eq!(values("شارك في الدورة خمسة عشر (15) فريقا"), [15.0]);
    assert_eq!(values("تم انتداب 20 (عشرين) عونا"), [20.0]);
}

#[test]
fn a_rank_before_an_adverb_is_no_figure() {
    assert!(all("تقدم اللاعب إلى المركز 64 عالميا").is_empty());
    // A nisba noun counted after a number still is one.
    assert_eq!(one("أوقفت الوحدات 14 تونسيا").unit.as_deref(), Some("تونسيا"));
}
