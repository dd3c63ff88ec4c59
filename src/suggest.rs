//! Did-you-mean: the closest known name to a misspelt one, and the help line that says so.

use crate::finding::Message;
use crate::msg;

/// The closest of `options` to `word`, if close enough to be a likely typo.
pub fn did_you_mean<'a>(word: &str, options: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word_l = word.to_lowercase();
    options
        .into_iter()
        .map(|o| (strsim::damerau_levenshtein(&word_l, &o.to_lowercase()), o))
        .filter(|(d, o)| *d <= (o.chars().count() / 3).max(1))
        .min_by_key(|(d, o)| (*d, *o))
        .map(|(_, o)| o)
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
}
