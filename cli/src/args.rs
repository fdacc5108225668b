//! A small command-line parser: positional arguments and `--flag value` / `--flag=value` /
//! `--switch` options, with errors that name the option.

use std::collections::BTreeMap;

pub struct Args {
    pub positional: Vec<String>,
    options: BTreeMap<String, Option<String>>,
    allowed: &'static [(&'static str, bool)],
}

#[allow(dead_code)] // `flag` and `number` serve the score, crosswalk and roi commands.
impl Args {
    /// `allowed` lists each option name (without `--`) and whether it takes a value.
    pub fn parse(raw: &[String], allowed: &'static [(&'static str, bool)]) -> Result<Args, String> {
        let mut positional = Vec::new();
        let mut options = BTreeMap::new();
        let mut it = raw.iter();
        while let Some(a) = it.next() {
            let Some(name) = a.strip_prefix("--") else {
                positional.push(a.clone());
                continue;
            };
            let (name, inline) = match name.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (name, None),
            };
            let Some(&(_, takes_value)) = allowed.iter().find(|(n, _)| *n == name) else {
                let known: Vec<String> = allowed.iter().map(|(n, _)| format!("--{n}")).collect();
                return Err(if known.is_empty() {
                    format!("unknown option --{name}; this command takes no options")
                } else {
                    format!(
                        "unknown option --{name}; expected one of {}",
                        known.join(", ")
                    )
                });
            };
            let value = if takes_value {
                match inline.or_else(|| it.next().cloned()) {
                    Some(v) => Some(v),
                    None => return Err(format!("option --{name} needs a value")),
                }
            } else {
                if inline.is_some() {
                    return Err(format!("option --{name} takes no value"));
                }
                None
            };
            options.insert(name.to_string(), value);
        }
        Ok(Args {
            positional,
            options,
            allowed,
        })
    }

    pub fn flag(&self, name: &str) -> bool {
        debug_assert!(self.allowed.iter().any(|(n, _)| *n == name));
        self.options.contains_key(name)
    }

    pub fn value(&self, name: &str) -> Option<&str> {
        debug_assert!(self.allowed.iter().any(|(n, _)| *n == name));
        self.options.get(name).and_then(|v| v.as_deref())
    }

    /// A value that must be one of `choices`; `default` when absent.
    pub fn choice(
        &self,
        name: &str,
        choices: &[&'static str],
        default: &'static str,
    ) -> Result<&str, String> {
        match self.value(name) {
            None => Ok(default),
            Some(v) if choices.contains(&v) => Ok(v),
            Some(v) => Err(format!(
                "--{name} {v:?} is not valid; expected one of {}",
                choices.join(", ")
            )),
        }
    }

    /// A number option; `None` when absent.
    pub fn number<T: std::str::FromStr>(&self, name: &str) -> Result<Option<T>, String> {
        match self.value(name) {
            None => Ok(None),
            Some(v) => v
                .parse()
                .map(Some)
                .map_err(|_| format!("--{name} {v:?} is not a valid number")),
        }
    }

    /// Exactly `n` positional arguments, named in the error.
    pub fn expect_positional(&self, names: &[&str]) -> Result<(), String> {
        if self.positional.len() == names.len() {
            Ok(())
        } else {
            Err(format!(
                "expected {} ({}), got {} argument(s)",
                names.len(),
                names.join(", "),
                self.positional.len()
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPTS: &[(&str, bool)] = &[("format", true), ("verbose", false)];

    fn parse(s: &[&str]) -> Result<Args, String> {
        let v: Vec<String> = s.iter().map(|x| x.to_string()).collect();
        Args::parse(&v, OPTS)
    }

    #[test]
    fn reads_positional_and_options() {
        let a = parse(&["file.json", "--format", "csv", "--verbose"]).unwrap();
        assert_eq!(a.positional, ["file.json"]);
        assert_eq!(a.value("format"), Some("csv"));
        assert!(a.flag("verbose"));
        let a = parse(&["--format=json"]).unwrap();
        assert_eq!(a.value("format"), Some("json"));
    }

    #[test]
    fn errors_name_the_option() {
        assert_eq!(
            parse(&["--colour"]).err().unwrap(),
            "unknown option --colour; expected one of --format, --verbose"
        );
        assert_eq!(
            parse(&["--format"]).err().unwrap(),
            "option --format needs a value"
        );
        assert_eq!(
            parse(&["--verbose=1"]).err().unwrap(),
            "option --verbose takes no value"
        );
        let a = parse(&["--format", "xml"]).unwrap();
        assert!(a
            .choice("format", &["csv", "json"], "json")
            .unwrap_err()
            .contains("\"xml\""));
    }
}
