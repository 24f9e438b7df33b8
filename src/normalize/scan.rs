//! Finding the next of a few trigger bytes in a text with memchr's vector searches, for the
//! repair stages that look at a handful of rare characters in a long text.

/// Up to twelve bytes, searched three at a time; each search remembers where it found its
/// next byte, so the text is read once per group whatever the number of hits.
pub(crate) struct ByteFinder<'a> {
    haystack: &'a [u8],
    groups: [([u8; 3], usize); 4],
    len: usize,
}

/// No more of the group's bytes in the text.
const NONE: usize = usize::MAX;

impl<'a> ByteFinder<'a> {
    /// A finder of `bytes` (at most twelve) in `haystack`.
    pub(crate) fn new(haystack: &'a [u8], bytes: &[u8]) -> Self {
        assert!(bytes.len() <= 12, "a ByteFinder looks for twelve bytes at most");
        let mut finder = ByteFinder { haystack, groups: [([0; 3], 0); 4], len: 0 };
        for chunk in bytes.chunks(3).take(4) {
            // A short group repeats its last byte.
            let last = chunk[chunk.len() - 1];
            let set = [chunk[0], *chunk.get(1).unwrap_or(&last), last];
            finder.groups[finder.len] = (set, search(haystack, set, 0));
            finder.len += 1;
        }
        finder
    }

    /// The first position at or after `from` holding one of the bytes.
    pub(crate) fn find_from(&mut self, from: usize) -> Option<usize> {
        let mut first = NONE;
        for (set, next) in &mut self.groups[..self.len] {
            if *next < from {
                *next = search(self.haystack, *set, from);
            }
            first = first.min(*next);
        }
        (first != NONE).then_some(first)
    }
}

fn search(haystack: &[u8], [a, b, c]: [u8; 3], from: usize) -> usize {
    haystack.get(from..).and_then(|rest| memchr::memchr3(a, b, c, rest)).map_or(NONE, |p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_trigger_in_order() {
        let text = b"a(b)c%d,e\nf\xAB\xBBg\x8C";
        let wanted = [b'(', b')', b'%', b',', b'\n', 0xAB, 0xBB, 0x8C, 0x9B];
        let expected: Vec<usize> = (0..text.len()).filter(|&i| wanted.contains(&text[i])).collect();
        let mut finder = ByteFinder::new(text, &wanted);
        let (mut found, mut from) = (Vec::new(), 0);
        while let Some(i) = finder.find_from(from) {
            found.push(i);
            from = i + 1;
        }
        assert_eq!(found, expected);
        // Skipping ahead skips the hits in between.
        let mut finder = ByteFinder::new(text, b"(e");
        assert_eq!(finder.find_from(2), Some(8));
        assert_eq!(finder.find_from(9), None);
        assert_eq!(ByteFinder::new(b"", b"x").find_from(0), None);
    }
}
