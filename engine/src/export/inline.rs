//! User text made safe to place inside Markdown (the report) and OSCAL markup fields (which
//! OSCAL tools render as Markdown).
//!
//! What a user writes (the organisation's name, sector, certifications, justifications, notes,
//! evidence, ROI labels and sources) is text, never markup: rendered as CommonMark with raw HTML
//! allowed, or as GitHub-flavoured Markdown, it must not become a link, an image, an autolink,
//! an HTML element, an entity, code or emphasis. [`text`] therefore:
//!
//! - puts the text on one line (every run of whitespace becomes one space, ends trimmed), so
//!   it cannot leave a table cell or a list item, start a block (indented code, a heading
//!   underline) or end in a hard line break;
//! - backslash-escapes every character that opens an inline construct: `\` `` ` `` `*` `_`
//!   `[` `]` `<` `>` `!` `&` `|` `~` (emphasis, code spans, links and images, autolinks and raw
//!   HTML, entity references, table cells, strikethrough); CommonMark defines a backslash
//!   before any ASCII punctuation as that character, literally;
//! - escapes a `:` followed by anything but a space (`https\://`, `mailto\:`), the `.` of
//!   `www.` and every `@`, which are what GitHub's extended autolinks look for;
//! - escapes a character at the very start that would open a block (`#`, `-`, `+`, `=`, `>`,
//!   or `1.` / `1)` for an ordered list), for the fields that begin with user text.
//!
//! The text stays readable in the Markdown source: letters, digits, spaces and most
//! punctuation are left alone.

/// `s` as literal Markdown inline text, on one line (see the module's documentation).
pub(crate) fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let words: Vec<&str> = s.split_whitespace().collect();
    let one_line = words.join(" ");
    let chars: Vec<char> = one_line.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '!' | '&' | '|' | '~' | '@' => true,
            ':' => next.is_some_and(|n| n != ' '),
            '.' => i >= 3 && chars[i - 3..i].iter().all(|w| w.eq_ignore_ascii_case(&'w')),
            '#' | '-' | '+' | '=' => i == 0,
            ')' => i > 0 && chars[..i].iter().all(char::is_ascii_digit),
            _ => false,
        };
        // `1.` at the start opens an ordered list; escaping the `.` there is enough.
        let list_dot = c == '.' && i > 0 && chars[..i].iter().all(char::is_ascii_digit);
        if escape || list_dot {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::text;
    use pulldown_cmark::{html, Event, Options, Parser, Tag};

    /// Strings a hostile user could type, each trying a different construct.
    pub(crate) const HOSTILE: &[&str] = &[
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "[click](javascript:alert(1))",
        "![img](http://evil.example/x.png)",
        "<http://evil.example>",
        "<mailto:a@evil.example>",
        "https://evil.example/path",
        "www.evil.example",
        "someone@evil.example",
        "[ref]\n\n[ref]: http://evil.example",
        "&lt;script&gt; &#60;b&#62;",
        "`code` **bold** _em_ ~~strike~~",
        "| cell | break |",
        "line one\n\n    indented code\n# heading\n---",
        "=HYPERLINK(\"http://evil.example\",\"x\")",
        "\\<b>escaped</b>",
        "<!-- comment --> <?php ?> <![CDATA[x]]>",
        "1. list",
        "> quote",
        "- item",
    ];

    /// Renders `md` as CommonMark (with tables and strikethrough) and fails on any link, image
    /// or HTML the text produced.
    fn assert_literal(md: &str) {
        let mut opts = Options::empty();
        opts.insert(Options::ENABLE_TABLES);
        opts.insert(Options::ENABLE_STRIKETHROUGH);
        for event in Parser::new_ext(md, opts) {
            match event {
                Event::Html(h) | Event::InlineHtml(h) => panic!("HTML {h:?} from {md:?}"),
                Event::Start(Tag::Link { dest_url, .. }) => panic!("link {dest_url} from {md:?}"),
                Event::Start(Tag::Image { dest_url, .. }) => {
                    panic!("image {dest_url} from {md:?}")
                }
                Event::Code(c) => panic!("code {c:?} from {md:?}"),
                Event::Start(
                    t @ (Tag::Emphasis
                    | Tag::Strong
                    | Tag::Strikethrough
                    | Tag::Heading { .. }
                    | Tag::List(_)
                    | Tag::BlockQuote(_)
                    | Tag::CodeBlock(_)),
                ) => panic!("{t:?} from {md:?}"),
                Event::SoftBreak | Event::HardBreak | Event::Rule => {
                    panic!("break from {md:?}")
                }
                _ => {}
            }
        }
        let mut rendered = String::new();
        html::push_html(&mut rendered, Parser::new_ext(md, opts));
        for tag in ["<a", "<img", "<script"] {
            assert!(!rendered.contains(tag), "{tag} in {rendered:?}");
        }
    }

    /// The text a renderer shows for `md`.
    fn shown(md: &str) -> String {
        Parser::new(md)
            .filter_map(|e| match e {
                Event::Text(t) => Some(t.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn hostile_text_renders_as_literal_text() {
        for s in HOSTILE {
            let md = text(s);
            assert_literal(&md);
            assert_literal(&format!("Note: {md}"));
            assert_literal(&format!("| a | {md} |\n|---|---|\n| b | {md} |"));
            let words: Vec<&str> = s.split_whitespace().collect();
            assert_eq!(shown(&md), words.join(" "), "{s:?} shows as typed");
        }
    }

    #[test]
    fn ordinary_text_stays_readable() {
        assert_eq!(
            text("Policy v2.1 (approved 2025-03), e.g. by the board; 50% done."),
            "Policy v2.1 (approved 2025-03), e.g. by the board; 50% done."
        );
        assert_eq!(text("  two\n lines  "), "two lines");
        assert_eq!(
            text("Note: see https://x.example"),
            "Note: see https\\://x.example"
        );
        assert_eq!(text("2024. Year"), "2024\\. Year");
    }
}
