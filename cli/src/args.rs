//! Commands as declarations, parsed with `lexopt`: each command names its positional arguments,
//! its options (a switch, an option with a value, or a choice with a default) and what it does.
//! `aims --help` and `aims <command> --help` are generated from these declarations, and the
//! parser accepts exactly the declared options, so the help cannot drift from what is parsed.

use std::collections::BTreeMap;
use std::fmt::Write;

/// One command of `aims`: its declaration and the function that runs it on parsed arguments.
pub struct Command {
    pub name: &'static str,
    /// The positional arguments as the usage line shows them (`FILE`, `[ID]`, or empty).
    pub args: &'static str,
    /// What the command does, in one paragraph (wrapped when printed).
    pub about: &'static str,
    pub options: &'static [Opt],
    pub run: fn(&Args) -> Result<String, String>,
}

/// One `--name` option of a command.
#[derive(Debug)]
pub struct Opt {
    pub name: &'static str,
    pub takes: Takes,
    pub help: &'static str,
}

/// What an option takes after its name.
#[derive(Debug)]
pub enum Takes {
    /// Nothing: a switch (`--roi`).
    Nothing,
    /// A value, named in the help (`--date YYYY-MM-DD`).
    Value(&'static str),
    /// One of `choices`; `default` when the option is absent.
    Choice {
        choices: &'static [&'static str],
        default: &'static str,
    },
}

/// `--format` with its choices; `default` when absent.
pub const fn format(choices: &'static [&'static str], default: &'static str) -> Opt {
    Opt {
        name: "format",
        takes: Takes::Choice { choices, default },
        help: "the output format",
    }
}

/// `--date YYYY-MM-DD`: the date on a report or an export.
pub const DATE: Opt = Opt {
    name: "date",
    takes: Takes::Value("YYYY-MM-DD"),
    help: "the date the document carries (default: today, UTC)",
};

impl Opt {
    /// `--name VALUE` as the usage line shows it.
    fn usage(&self) -> String {
        match &self.takes {
            Takes::Nothing => format!("--{}", self.name),
            Takes::Value(v) => format!("--{} {v}", self.name),
            Takes::Choice { choices, .. } => format!("--{} {}", self.name, choices.join("|")),
        }
    }

    /// The help text, with the default of a choice.
    fn help(&self) -> String {
        match &self.takes {
            Takes::Choice { default, .. } => format!("{} (default: {default})", self.help),
            _ => self.help.to_string(),
        }
    }
}

/// The parsed arguments of one command.
#[derive(Debug)]
pub struct Args {
    pub positional: Vec<String>,
    values: BTreeMap<&'static str, Option<String>>,
    options: &'static [Opt],
    /// `--help` or `-h` was given.
    pub help: bool,
}

impl Args {
    /// Parses `raw` against the declared `options`; an undeclared option is an error naming the
    /// declared ones.
    pub fn parse(raw: &[String], options: &'static [Opt]) -> Result<Args, String> {
        use lexopt::Arg;
        let mut parser = lexopt::Parser::from_args(raw);
        let mut args = Args {
            positional: Vec::new(),
            values: BTreeMap::new(),
            options,
            help: false,
        };
        loop {
            let arg = match parser.next() {
                Ok(Some(arg)) => arg,
                Ok(None) => break,
                Err(e) => return Err(e.to_string()),
            };
            let name = match arg {
                Arg::Value(v) => {
                    args.positional.push(text(v)?);
                    continue;
                }
                Arg::Long("help") | Arg::Short('h') => {
                    args.help = true;
                    continue;
                }
                Arg::Long(name) => format!("--{name}"),
                Arg::Short(c) => format!("-{c}"),
            };
            let Some(opt) = options
                .iter()
                .find(|o| name.strip_prefix("--") == Some(o.name))
            else {
                let known: Vec<String> = options.iter().map(|o| format!("--{}", o.name)).collect();
                return Err(if known.is_empty() {
                    format!("unknown option {name}; this command takes no options")
                } else {
                    format!(
                        "unknown option {name}; expected one of {}",
                        known.join(", ")
                    )
                });
            };
            let value = match opt.takes {
                Takes::Nothing => {
                    if parser.optional_value().is_some() {
                        return Err(format!("option {name} takes no value"));
                    }
                    None
                }
                Takes::Value(_) | Takes::Choice { .. } => match parser.value() {
                    Ok(v) => Some(text(v)?),
                    Err(_) => return Err(format!("option {name} needs a value")),
                },
            };
            args.values.insert(opt.name, value);
        }
        Ok(args)
    }

    fn declared(&self, name: &str) -> Option<&'static Opt> {
        let found = self.options.iter().find(|o| o.name == name);
        debug_assert!(found.is_some(), "--{name} is not declared");
        found
    }

    /// Whether the switch `--name` was given.
    pub fn flag(&self, name: &str) -> bool {
        self.declared(name);
        self.values.contains_key(name)
    }

    /// The value of `--name`, if given.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.declared(name);
        self.values.get(name).and_then(|v| v.as_deref())
    }

    /// The value of the choice `--name`: one of its declared choices, its default when absent.
    pub fn choice(&self, name: &str) -> Result<&str, String> {
        let Some(Opt {
            takes: Takes::Choice { choices, default },
            ..
        }) = self.declared(name)
        else {
            return Err(format!("--{name} is not a choice"));
        };
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

fn text(v: std::ffi::OsString) -> Result<String, String> {
    v.into_string()
        .map_err(|v| format!("argument {v:?} is not valid UTF-8"))
}

/// Width of the text column of a help.
const WIDTH: usize = 78;

/// `text` wrapped at word boundaries to lines of at most `WIDTH` characters, each indented by
/// `indent` spaces.
fn wrap(out: &mut String, text: &str, indent: usize) {
    fill(out, text.split_whitespace(), indent, indent);
}

/// `words` filled into lines of at most `WIDTH` characters: the first indented by `first`
/// spaces, the others by `rest`.
fn fill<'a>(out: &mut String, words: impl Iterator<Item = &'a str>, first: usize, rest: usize) {
    let mut indent = first;
    let mut line = String::new();
    for word in words {
        if !line.is_empty() && indent + line.len() + 1 + word.len() > WIDTH {
            let _ = writeln!(out, "{:indent$}{line}", "");
            line.clear();
            indent = rest;
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        let _ = writeln!(out, "{:indent$}{line}", "");
    }
}

impl Command {
    /// The parts of the usage line: `name ARGS`, then `[--option VALUE]` for each option.
    fn usage_parts(&self) -> Vec<String> {
        let head = if self.args.is_empty() {
            self.name.to_string()
        } else {
            format!("{} {}", self.name, self.args)
        };
        let options = self.options.iter().map(|o| format!("[{}]", o.usage()));
        std::iter::once(head).chain(options).collect()
    }

    /// The usage line: `name ARGS [--option VALUE] ...`.
    #[cfg(test)]
    fn usage(&self) -> String {
        self.usage_parts().join(" ")
    }

    /// The usage line filled to the width, an option never split over two lines.
    fn usage_lines(&self, out: &mut String, indent: usize) {
        let parts = self.usage_parts();
        fill(out, parts.iter().map(String::as_str), indent, indent + 4);
    }

    /// The command's entry in `aims --help`: the usage line and, indented, what it does.
    pub fn summary(&self, out: &mut String) {
        self.usage_lines(out, 4);
        wrap(out, self.about, 8);
    }

    /// `aims <command> --help`: usage, what it does, and each option with its help.
    pub fn help(&self) -> String {
        let mut out = format!("aims {}: usage\n\n", self.name);
        self.usage_lines(&mut out, 0);
        out.push('\n');
        wrap(&mut out, self.about, 0);
        let mut rows: Vec<(String, String)> =
            self.options.iter().map(|o| (o.usage(), o.help())).collect();
        rows.push(("-h, --help".into(), "print this help".into()));
        let col = rows.iter().map(|(u, _)| u.len()).max().unwrap_or(0) + 2;
        out.push_str("\nOPTIONS:\n");
        for (usage, help) in rows {
            let mut text = String::new();
            wrap(&mut text, &help, 4 + col);
            let text = text.trim_start();
            let _ = write!(out, "    {usage:<col$}{text}");
        }
        out.push_str("\nRun `aims --help` for every command.");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPTS: &[Opt] = &[
        Opt {
            name: "format",
            takes: Takes::Choice {
                choices: &["csv", "json"],
                default: "json",
            },
            help: "output format",
        },
        Opt {
            name: "date",
            takes: Takes::Value("YYYY-MM-DD"),
            help: "the date",
        },
        Opt {
            name: "verbose",
            takes: Takes::Nothing,
            help: "say more",
        },
    ];

    fn parse(s: &[&str]) -> Result<Args, String> {
        let v: Vec<String> = s.iter().map(|x| x.to_string()).collect();
        Args::parse(&v, OPTS)
    }

    #[test]
    fn reads_positional_and_options() {
        let a = parse(&["file.json", "--format", "csv", "--verbose", "-"]).unwrap();
        assert_eq!(a.positional, ["file.json", "-"]);
        assert_eq!(a.choice("format").unwrap(), "csv");
        assert!(a.flag("verbose"));
        assert!(!a.help);
        let a = parse(&["--date=2025-01-02"]).unwrap();
        assert_eq!(a.value("date"), Some("2025-01-02"));
        assert_eq!(a.choice("format").unwrap(), "json", "the default");
        assert!(!a.flag("verbose"));
        assert!(parse(&["x", "-h"]).unwrap().help);
        assert!(parse(&["--help"]).unwrap().help);
    }

    #[test]
    fn errors_name_the_option() {
        assert_eq!(
            parse(&["--colour"]).unwrap_err(),
            "unknown option --colour; expected one of --format, --date, --verbose"
        );
        assert_eq!(
            parse(&["-x"]).unwrap_err(),
            "unknown option -x; expected one of --format, --date, --verbose"
        );
        assert_eq!(
            parse(&["--format"]).unwrap_err(),
            "option --format needs a value"
        );
        assert_eq!(
            parse(&["--verbose=1"]).unwrap_err(),
            "option --verbose takes no value"
        );
        assert_eq!(
            parse(&["--format", "xml"])
                .unwrap()
                .choice("format")
                .unwrap_err(),
            "--format \"xml\" is not valid; expected one of csv, json"
        );
        assert_eq!(
            Args::parse(&["--x".to_string()], &[]).unwrap_err(),
            "unknown option --x; this command takes no options"
        );
    }

    fn nothing(_: &Args) -> Result<String, String> {
        Ok(String::new())
    }

    #[test]
    fn help_is_generated_from_the_declarations() {
        let c = Command {
            name: "demo",
            args: "FILE",
            about: "does something with a file",
            options: OPTS,
            run: nothing,
        };
        assert_eq!(
            c.usage(),
            "demo FILE [--format csv|json] [--date YYYY-MM-DD] [--verbose]"
        );
        assert_eq!(
            c.help(),
            "aims demo: usage\n\n\
             demo FILE [--format csv|json] [--date YYYY-MM-DD] [--verbose]\n\n\
             does something with a file\n\n\
             OPTIONS:\n    \
             --format csv|json  output format (default: json)\n    \
             --date YYYY-MM-DD  the date\n    \
             --verbose          say more\n    \
             -h, --help         print this help\n\n\
             Run `aims --help` for every command."
        );
    }

    #[test]
    fn long_text_wraps_at_the_width() {
        let mut out = String::new();
        wrap(&mut out, &"word ".repeat(40), 8);
        assert!(out.lines().count() > 1);
        assert!(out
            .lines()
            .all(|l| l.len() <= WIDTH && l.starts_with("        w")));
    }
}
