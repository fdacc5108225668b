//! Why ROI inputs were refused: typed, each problem naming the input's path, so that a shell
//! shows a message next to its field without taking the text apart.

use std::fmt;

/// One thing wrong with one input.
#[derive(Debug, Clone, PartialEq)]
pub struct InputError {
    /// The input's path in the JSON format, e.g. `costs.consulting.low`; empty when the problem
    /// is with the inputs as a whole (not JSON, not an object).
    pub input: String,
    /// What is wrong and what is accepted.
    pub message: String,
}

impl InputError {
    /// A problem with the inputs as a whole (not JSON, not an object, too large).
    pub fn whole(message: impl Into<String>) -> InputError {
        InputError {
            input: String::new(),
            message: message.into(),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.input.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.input, self.message)
        }
    }
}

impl std::error::Error for InputError {}

/// Why the ROI could not be computed.
#[derive(Debug, Clone, PartialEq)]
pub enum RoiError {
    /// The inputs could not be read (JSON syntax, unknown field, wrong type).
    Read(InputError),
    /// The inputs were read but some values are not accepted; all of them are listed.
    Invalid(Vec<InputError>),
}

impl fmt::Display for RoiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RoiError::Read(e) => e.fmt(f),
            RoiError::Invalid(errors) => {
                let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
                f.write_str(&list.join("; "))
            }
        }
    }
}

impl std::error::Error for RoiError {}
