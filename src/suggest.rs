//! Did-you-mean: the closest known name to a misspelt one, and the help line that says so.

use crate::finding::Message;
use crate::msg;

use std::collections::HashMap;

/// How many edit distances one lookup computes at most: did-you-mean is a courtesy, and a
/// repository with ten thousand ids and ten thousand broken references must not pay for it
/// ten thousand times ten thousand. Candidates of the word's own length come first.
pub const MAX_COMPARISONS: usize = 256;

/// Names longer than this (in characters) are neither suggested nor looked up: no id or field
/// is that long, and the work of a lookup grows with the square of the length.
pub const MAX_NAME_CHARS: usize = 64;

/// The largest distance at which `option` is a likely typo.
fn threshold(option_chars: usize) -> usize {
    (option_chars / 3).max(1)
}

/// The closest of `options` to `word`, if close enough to be a likely typo. At most
/// [`MAX_COMPARISONS`] distances are computed; options whose length alone rules them out
/// cost no distance.
pub fn did_you_mean<'a>(word: &str, options: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let len = word.chars().count();
    if len > MAX_NAME_CHARS {
        return None;
    }
    let word_l = word.to_lowercase();
    let mut budget = MAX_COMPARISONS;
    options
        .into_iter()
        .filter_map(|o| {
            let n = o.chars().count();
            if n > MAX_NAME_CHARS || n.abs_diff(len) > threshold(n) || budget == 0 {
                return None;
            }
            budget -= 1;
            let d = strsim::damerau_levenshtein(&word_l, &o.to_lowercase());
            (d <= threshold(n)).then_some((d, o))
        })
        .min_by_key(|(d, o)| (*d, *o))
        .map(|(_, o)| o)
}

/// Many names indexed once for many lookups (the ids of a repository): every name one edit
/// away is found through a table of single-character deletions, whatever the number of
/// names; farther ones among at most [`MAX_COMPARISONS`] names of a close length.
pub struct Index {
    /// Each name and its lower-case form.
    names: Vec<(String, String)>,
    /// A lower-case name, or it with one character deleted → the names it comes from.
    deletions: HashMap<String, Vec<u32>>,
    /// Length in characters → the names of that length, in order.
    by_len: HashMap<usize, Vec<u32>>,
}

fn deletions_of(s: &str) -> impl Iterator<Item = String> + '_ {
    s.char_indices()
        .map(move |(i, c)| format!("{}{}", &s[..i], &s[i + c.len_utf8()..]))
}

impl Index {
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Index {
        let mut index = Index {
            names: Vec::new(),
            deletions: HashMap::new(),
            by_len: HashMap::new(),
        };
        for name in names
            .into_iter()
            .filter(|n| n.chars().count() <= MAX_NAME_CHARS)
        {
            let i = index.names.len() as u32;
            let lower = name.to_lowercase();
            for d in std::iter::once(lower.clone()).chain(deletions_of(&lower)) {
                let list = index.deletions.entry(d).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
            index
                .by_len
                .entry(lower.chars().count())
                .or_default()
                .push(i);
            index.names.push((name.to_owned(), lower));
        }
        index
    }

    /// Every name close enough to `word` to be what was meant, with its distance.
    pub fn close(&self, word: &str) -> Vec<(usize, &str)> {
        if word.chars().count() > MAX_NAME_CHARS {
            return Vec::new();
        }
        let word_l = word.to_lowercase();
        let len = word_l.chars().count();
        let mut seen: Vec<u32> = Vec::new();
        // One edit: a shared deletion (or the word itself) finds it.
        for d in std::iter::once(word_l.clone()).chain(deletions_of(&word_l)) {
            if let Some(list) = self.deletions.get(&d) {
                seen.extend(list.iter().take(MAX_COMPARISONS));
            }
        }
        // Farther: a bounded number of names of about the same length, nearest length first.
        let mut budget = MAX_COMPARISONS;
        'lengths: for delta in 0..=(len / 3 + 2) {
            for n in [
                len.checked_sub(delta),
                len.checked_add(delta).filter(|_| delta > 0),
            ]
            .into_iter()
            .flatten()
            {
                if n.abs_diff(len) > threshold(n) {
                    continue;
                }
                for &i in self.by_len.get(&n).map_or(&[][..], Vec::as_slice) {
                    if budget == 0 {
                        break 'lengths;
                    }
                    budget -= 1;
                    seen.push(i);
                }
            }
        }
        seen.sort_unstable();
        seen.dedup();
        seen.into_iter()
            .filter_map(|i| {
                let (name, lower) = &self.names[i as usize];
                let n = lower.chars().count();
                let d = strsim::damerau_levenshtein(&word_l, lower);
                (d <= threshold(n)).then_some((d, name.as_str()))
            })
            .collect()
    }

    /// The closest name, as [`did_you_mean`] chooses it.
    pub fn best(&self, word: &str) -> Option<&str> {
        self.close(word)
            .into_iter()
            .min_by_key(|&(d, o)| (d, o))
            .map(|(_, o)| o)
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// "did you mean `x`?"
pub fn mean(s: &str) -> Message {
    msg!("did you mean `{s}`?", "`{s}` の誤りではありませんか？")
}

/// The name a did-you-mean line made by [`mean`] proposes: what a quick fix writes.
pub fn meant(help: &Message) -> Option<&str> {
    help.en.strip_prefix("did you mean `")?.strip_suffix("`?")
}

/// The did-you-mean line for `word`, else `otherwise`.
pub fn help<'a>(
    word: &str,
    options: impl IntoIterator<Item = &'a str>,
    otherwise: impl FnOnce() -> Message,
) -> Message {
    did_you_mean(word, options).map_or_else(otherwise, mean)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_names_only() {
        let fields = ["likelihood", "impact", "owner"];
        assert_eq!(did_you_mean("likelyhood", fields), Some("likelihood"));
        assert_eq!(did_you_mean("Owner", fields), Some("owner"));
        assert_eq!(did_you_mean("treatment", fields), None);
        assert_eq!(meant(&mean("C-PASSWORD")), Some("C-PASSWORD"));
    }

    #[test]
    fn the_index_finds_what_a_full_scan_finds() {
        let ids: Vec<String> = (0..5000).map(|i| format!("R-{i:04}")).collect();
        let index = Index::new(ids.iter().map(String::as_str));
        assert_eq!(index.best("R-0O12"), Some("R-0012"));
        assert_eq!(index.best("r-4999"), Some("R-4999"));
        assert_eq!(index.best("R-49999"), Some("R-4999"));
        assert_eq!(index.best("R-0-1"), Some("R-0001"));
        assert_eq!(index.best("X-QQQQQQQ"), None);
        let fields = Index::new(["likelihood", "impact", "owner"]);
        assert_eq!(fields.best("likelyhood"), Some("likelihood"));
        assert_eq!(fields.best("treatment"), None);
    }
}
