//! Reading the assessment file a command was given (`-` for standard input): diagnostics go to
//! stderr, each naming the item and field; a file that cannot be read, or has errors, is
//! refused.

use aims_engine::assessment::Assessment;
use std::io::Read;

/// Reads and checks an assessment. Warnings are printed to stderr and reading goes on; errors
/// (a value that had to be ignored) are printed too, and then the file is refused so that no
/// report is built on a half-read file.
pub fn read_assessment(path: &str) -> Result<Assessment, String> {
    let (name, text) = if path == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        ("<stdin>".to_string(), text)
    } else {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        (path.to_string(), text)
    };
    let (assessment, diagnostics) = Assessment::read(&text).map_err(|e| format!("{name}: {e}"))?;
    for d in &diagnostics {
        eprintln!("{name}: {d}");
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    if errors > 0 {
        return Err(format!(
            "{name}: {errors} error{} in the file (listed above); fix {} and run again",
            if errors == 1 { "" } else { "s" },
            if errors == 1 { "it" } else { "them" }
        ));
    }
    Ok(assessment)
}
