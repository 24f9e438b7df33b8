//! The built-in model laid out as the tagger's weights table holds it, shared by `build.rs`
//! (which writes the image from `data/ner/model.bin`) and the tagger (which reads it): the
//! table's size and the image's layout, so the two cannot disagree.
//!
//! The model file lists its rows by hash, and the table puts a row at the slot of its hash's
//! low bits (or the next free one): read in the file's order, every row is a probe and a write
//! somewhere in a table of tens of MB. The image lists the rows in slot order instead, so that
//! loading writes the table front to back, without probing.
//!
//! Layout, little-endian: the model's memory window (u32) and number of rows (u32); per row, in
//! slot order, the number of empty slots before it (LEB128), its hash (u64) and its weights
//! (i16 each, all `TAGS` of them: copied as they are, not unpacked from the model file's mask
//! and nonzero weights, for 2.4 MB more); then the word classes, as the model file ends.

/// Tags a row has weights for (bits of its mask).
pub const TAGS: usize = 9;

/// Slots of the table for `rows` rows: a power of two, at most half full.
pub fn slots(rows: usize) -> usize {
    (rows * 2).next_power_of_two().max(16)
}

/// The image of a model file (the format of `Tagger::to_bytes`: magic, memory window, rows
/// sorted by hash, word classes), or what is wrong with the file.
pub fn image(model: &[u8]) -> Result<Vec<u8>, String> {
    let mut at = 0;
    let take = |at: &mut usize, n: usize| -> Result<&[u8], String> {
        let bytes = model.get(*at..*at + n).ok_or("model is truncated")?;
        *at += n;
        Ok(bytes)
    };
    let magic = take(&mut at, 8)?;
    if magic != b"NASSNER1" {
        return Err("not a nass NER model (bad magic)".into());
    }
    let memory = take(&mut at, 4)?;
    let n = u32::from_le_bytes(take(&mut at, 4)?.try_into().map_err(|_| "4 bytes")?) as usize;
    // Each row: its hash and its weights.
    let mut rows: Vec<(u64, [i16; TAGS])> = Vec::with_capacity(n.min(model.len() / 10));
    let mut last = 0;
    for _ in 0..n {
        let hash = u64::from_le_bytes(take(&mut at, 8)?.try_into().map_err(|_| "8 bytes")?);
        if hash <= last {
            return Err("model rows are not sorted".into());
        }
        last = hash;
        let mask = u16::from_le_bytes(take(&mut at, 2)?.try_into().map_err(|_| "2 bytes")?);
        if mask >> TAGS != 0 {
            return Err("bad tag mask in model".into());
        }
        let mut row = [0; TAGS];
        let weights = take(&mut at, 2 * mask.count_ones() as usize)?;
        let tags = (0..TAGS).filter(|t| mask >> t & 1 != 0);
        for (t, w) in tags.zip(weights.chunks_exact(2)) {
            row[t] = i16::from_le_bytes([w[0], w[1]]);
        }
        rows.push((hash, row));
    }
    let classes = &model[at..];
    // The rows placed as the table places them, in the file's order.
    let mut table: Vec<Option<usize>> = vec![None; slots(n)];
    let mask = table.len() - 1;
    for (k, &(hash, _)) in rows.iter().enumerate() {
        let mut s = hash as usize & mask;
        while table[s].is_some() {
            s = (s + 1) & mask;
        }
        table[s] = Some(k);
    }
    let mut out = Vec::with_capacity(8 + n * (9 + 2 * TAGS) + classes.len());
    out.extend_from_slice(memory);
    out.extend_from_slice(&(n as u32).to_le_bytes());
    let mut gap = 0u64;
    for slot in &table {
        let Some(k) = *slot else {
            gap += 1;
            continue;
        };
        while gap >= 0x80 {
            out.push(gap as u8 | 0x80);
            gap >>= 7;
        }
        out.push(gap as u8);
        gap = 0;
        let (hash, row) = rows[k];
        out.extend_from_slice(&hash.to_le_bytes());
        for w in row {
            out.extend_from_slice(&w.to_le_bytes());
        }
    }
    out.extend_from_slice(classes);
    Ok(out)
}
