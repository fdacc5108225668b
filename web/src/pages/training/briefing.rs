//! A case's briefing as blocks: the engine's plain-text format (docs/training.md) has
//! paragraphs separated by a blank line, list items on lines starting with `- `, and a line
//! ending with `:` that introduces a list, shown here as a small heading.

use yew::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A line ending with `:` before a list, without the colon.
    Heading(String),
    Paragraph(String),
    List(Vec<String>),
}

/// Splits a briefing into blocks. Lines of one paragraph are joined with a space.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut list: Vec<String> = Vec::new();
    fn flush(out: &mut Vec<Block>, paragraph: &mut Vec<&str>, list: &mut Vec<String>) {
        if !paragraph.is_empty() {
            out.push(Block::Paragraph(paragraph.join(" ")));
            paragraph.clear();
        }
        if !list.is_empty() {
            out.push(Block::List(std::mem::take(list)));
        }
    }
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    for (i, line) in lines.iter().enumerate() {
        if line.is_empty() {
            flush(&mut out, &mut paragraph, &mut list);
        } else if let Some(item) = line.strip_prefix("- ") {
            if !paragraph.is_empty() {
                flush(&mut out, &mut paragraph, &mut list);
            }
            list.push(item.trim().to_string());
        } else if line.ends_with(':') && lines.get(i + 1).is_some_and(|next| next.starts_with("- "))
        {
            flush(&mut out, &mut paragraph, &mut list);
            out.push(Block::Heading(line.trim_end_matches(':').to_string()));
        } else {
            if !list.is_empty() {
                flush(&mut out, &mut paragraph, &mut list);
            }
            paragraph.push(line);
        }
    }
    flush(&mut out, &mut paragraph, &mut list);
    out
}

/// The briefing as HTML: paragraphs, `<h4>` headings and lists.
pub fn view(text: &str) -> Html {
    html! {
        <div class="briefing">
            { for blocks(text).into_iter().map(|b| match b {
                Block::Heading(h) => html! { <h4>{ h }</h4> },
                Block::Paragraph(p) => html! { <p>{ p }</p> },
                Block::List(items) => html! {
                    <ul>{ for items.into_iter().map(|i| html! { <li>{ i }</li> }) }</ul>
                },
            }) }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_headings_and_lists() {
        let text = "First line\nsame paragraph.\n\nGovernance:\n- one\n- two\n\nEnds with a colon:\nbut no list follows.\n";
        assert_eq!(
            blocks(text),
            vec![
                Block::Paragraph("First line same paragraph.".into()),
                Block::Heading("Governance".into()),
                Block::List(vec!["one".into(), "two".into()]),
                Block::Paragraph("Ends with a colon: but no list follows.".into()),
            ]
        );
    }

    #[test]
    fn every_case_briefing_reads_into_blocks_without_losing_text() {
        for case in aims_engine::training::cases() {
            let b = blocks(case.briefing);
            assert!(b.len() > 3, "{}", case.id);
            let words = |s: &str| s.split_whitespace().filter(|w| *w != "-").count();
            let kept: usize = b
                .iter()
                .map(|b| match b {
                    Block::Heading(h) | Block::Paragraph(h) => words(h),
                    Block::List(items) => items.iter().map(|i| words(i)).sum(),
                })
                .sum();
            assert_eq!(kept, words(case.briefing), "{}", case.id);
        }
    }
}
