//! Reading the assessment file a command was given (`-` for standard input): diagnostics go to
//! stderr, each naming the item and field; a file that cannot be read, or has errors, is
//! refused.

use aims_engine::assessment::{Assessment, ReadError, Refused, MAX_FILE_BYTES};
use std::io::Read;

/// Reads a file (`-`: standard input; `label` such as `--input ` goes before the path in
/// messages) as UTF-8 text, but never more than `limit` + 1 bytes, so
/// that a huge file costs no more than the engine's limit before it is refused: `Ok(Err(n))`
/// when it is longer than `limit` (`n` its size, or `limit` + 1 for standard input).
pub fn read_at_most(
    label: &str,
    path: &str,
    limit: usize,
) -> Result<Result<String, usize>, String> {
    let mut bytes = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    let (read, size) = if path == "-" {
        let read = std::io::stdin().take(cap).read_to_end(&mut bytes);
        (
            read.map_err(|e| format!("cannot read standard input: {e}")),
            None,
        )
    } else {
        let file =
            std::fs::File::open(path).map_err(|e| format!("cannot read {label}{path}: {e}"))?;
        let size = file.metadata().ok().map(|m| m.len());
        let read = file.take(cap).read_to_end(&mut bytes);
        (
            read.map_err(|e| format!("cannot read {label}{path}: {e}")),
            size,
        )
    };
    read?;
    if bytes.len() > limit {
        let n = size
            .and_then(|s| usize::try_from(s).ok())
            .unwrap_or(bytes.len());
        return Ok(Err(n));
    }
    String::from_utf8(bytes)
        .map(Ok)
        .map_err(|e| format!("cannot read {label}{path}: not UTF-8 text ({e})"))
}

/// Reads and checks an assessment. Warnings are printed to stderr and reading goes on; errors
/// (a value that had to be ignored) are printed too, and then the file is refused so that no
/// report is built on a half-read file.
pub fn read_assessment(path: &str) -> Result<Assessment, String> {
    let name = if path == "-" { "<stdin>" } else { path };
    let text = match read_at_most("", path, MAX_FILE_BYTES)? {
        Ok(text) => text,
        Err(bytes) => {
            let limit = MAX_FILE_BYTES;
            return Err(format!("{name}: {}", ReadError::TooLarge { bytes, limit }));
        }
    };
    match Assessment::read_strict(&text) {
        Ok((assessment, warnings)) => {
            for d in &warnings {
                eprintln!("{name}: {d}");
            }
            Ok(assessment)
        }
        Err(Refused::Unreadable(e)) => Err(format!("{name}: {e}")),
        Err(Refused::Errors(diagnostics)) => {
            for d in &diagnostics {
                eprintln!("{name}: {d}");
            }
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            Err(format!(
                "{name}: {errors} error{} in the file (listed above); fix {} and run again",
                if errors == 1 { "" } else { "s" },
                if errors == 1 { "it" } else { "them" }
            ))
        }
    }
}
