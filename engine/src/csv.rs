//! A minimal RFC 4180 CSV writer (the engine's exports and catalog listings).
//!
//! Every field is guarded against formula injection (OWASP, "CSV Injection"): a spreadsheet
//! app treats a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return as a
//! formula (or the start of one), so a note such as `=HYPERLINK("http://evil","x")` could run
//! when the file is opened. Such a field gets a single quote in front (`'=HYPERLINK(…`): the
//! spreadsheet shows the text as written, with the quote visible or hidden, and never
//! evaluates it. A field that is a plain decimal number (`-3`, `12.5`) is left alone: it can
//! carry no formula, and the numeric columns must stay numbers.

/// Builds CSV text: fields quoted only when they contain a comma, quote, CR or LF; rows end
/// with CRLF as RFC 4180 says; a field that a spreadsheet would read as a formula is
/// neutralised ([`neutralise`]).
#[derive(Default)]
pub struct CsvWriter {
    out: String,
}

impl CsvWriter {
    pub fn new() -> Self {
        CsvWriter::default()
    }

    /// Starts the text with a UTF-8 byte-order mark, so spreadsheet apps read it as UTF-8.
    pub fn with_bom() -> Self {
        CsvWriter {
            out: String::from('\u{feff}'),
        }
    }

    pub fn row<I, S>(&mut self, fields: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for (i, f) in fields.into_iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            let f = neutralise(f.as_ref());
            if f.contains([',', '"', '\r', '\n']) {
                self.out.push('"');
                self.out.push_str(&f.replace('"', "\"\""));
                self.out.push('"');
            } else {
                self.out.push_str(&f);
            }
        }
        self.out.push_str("\r\n");
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// The characters that make a spreadsheet cell a formula when they come first (OWASP).
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The field as a spreadsheet may safely read it: a single quote in front when it begins with
/// a formula character, unless it is a plain decimal number (`-?digits[.digits]`).
pub fn neutralise(f: &str) -> std::borrow::Cow<'_, str> {
    if f.starts_with(FORMULA_START) && !is_plain_number(f) {
        std::borrow::Cow::Owned(format!("'{f}"))
    } else {
        std::borrow::Cow::Borrowed(f)
    }
}

/// `-?[0-9]+(\.[0-9]+)?`: a number a spreadsheet reads as a number and nothing else.
fn is_plain_number(f: &str) -> bool {
    let digits = f.strip_prefix('-').unwrap_or(f);
    let (int, frac) = match digits.split_once('.') {
        Some((i, d)) => (i, Some(d)),
        None => (digits, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    all_digits(int) && frac.is_none_or(all_digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_get_a_quote() {
        let mut w = CsvWriter::new();
        w.row([
            "=1+1",
            "+SUM(A1)",
            "-2+3",
            "@cmd",
            "\tx",
            "\rx",
            "=HYPERLINK(\"http://evil\",\"x\")",
        ]);
        assert_eq!(
            w.finish(),
            "'=1+1,'+SUM(A1),'-2+3,'@cmd,'\tx,\"'\rx\",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"\r\n"
        );
    }

    #[test]
    fn plain_numbers_and_ordinary_text_stay_as_written() {
        let mut w = CsvWriter::new();
        w.row([
            "-3", "12.5", "-0.25", "0", "a=b", "x-y", " =1", "-", "-.5", "1.", "--1",
        ]);
        assert_eq!(
            w.finish(),
            "-3,12.5,-0.25,0,a=b,x-y, =1,'-,'-.5,1.,'--1\r\n"
        );
    }

    #[test]
    fn quotes_only_when_needed() {
        let mut w = CsvWriter::new();
        w.row(["a", "b,c", "say \"hi\"", "line\nbreak", ""]);
        assert_eq!(
            w.finish(),
            "a,\"b,c\",\"say \"\"hi\"\"\",\"line\nbreak\",\r\n"
        );
    }

    #[test]
    fn bom_comes_first() {
        let mut w = CsvWriter::with_bom();
        w.row(["x"]);
        assert_eq!(w.finish(), "\u{feff}x\r\n");
    }
}
