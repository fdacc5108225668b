//! A minimal RFC 4180 CSV writer (the engine's exports and catalog listings).

/// Builds CSV text: fields quoted only when they contain a comma, quote, CR or LF; rows end
/// with CRLF as RFC 4180 says.
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
            let f = f.as_ref();
            if f.contains([',', '"', '\r', '\n']) {
                self.out.push('"');
                self.out.push_str(&f.replace('"', "\"\""));
                self.out.push('"');
            } else {
                self.out.push_str(f);
            }
        }
        self.out.push_str("\r\n");
    }

    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
