//! The embeddable quick-scan widget's configuration (docs/embedding.md): the attributes of the
//! `<aims-readiness>` element (the same names as the iframe page's URL parameters) and the
//! origin the iframe posts its messages to, read and checked here so that every shell applies
//! the same rules and the rules can be fuzzed natively (`fuzz/`, target `widget_config`).
//!
//! Each bad value gets an error naming its attribute, the value and what would do instead.
//! Attributes with other names (`id`, `class`, …) belong to the host page and are ignored.

use serde_json::{Map, Value};
use std::fmt;

/// The prefix of every widget's storage namespace (the full app's is `aims-readiness`).
pub const NAMESPACE_PREFIX: &str = "aims-readiness-embed";
/// The storage key of a widget that names none.
pub const DEFAULT_KEY: &str = "default";
/// The longest storage key kept as given; longer ones are cut.
pub const MAX_KEY_CHARS: usize = 64;
/// The longest `app-url` or `parent-origin` accepted: far above any real address, and short
/// enough that a pasted document is refused with a message instead of ending up in a link.
pub const MAX_URL_CHARS: usize = 2048;
/// The attributes the widget reads, in the order they are written back.
pub const ATTRIBUTES: [&str; 5] = ["mode", "storage-key", "app-url", "loading", "parent-origin"];

/// What the widget shows. The quick scan is the only mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Quick,
}

/// When the widget's Wasm is fetched: near the viewport (`lazy`) or at once (`eager`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Loading {
    #[default]
    Lazy,
    Eager,
}

/// A widget's configuration, every value checked and in its normal form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WidgetConfig {
    pub mode: Mode,
    /// The storage key as kept: `A-Z a-z 0-9 . _ -`, at most 64 characters, never empty.
    pub storage_key: String,
    /// The full app, linked from the result screen: an `http(s)` address or a relative one.
    pub app_url: Option<String>,
    pub loading: Loading,
    /// The iframe's parent page origin (`https://host[:port]`), the only one it posts to.
    pub parent_origin: Option<String>,
}

/// A bad attribute value: which attribute, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The attribute's name (`mode`, `app-url`, …), or `configuration` when the text handed
    /// over is not an object of attributes at all.
    pub attribute: String,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "attribute \"{}\": {}", self.attribute, self.message)
    }
}

/// The messages of bad attributes, one a line, each naming its attribute: what the widget shows
/// in its place.
pub fn messages(errors: &[ConfigError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// An attribute's value as the loader handed it over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Given {
    Text(String),
    /// `null`: as if the attribute were not there.
    Missing,
    /// Anything else (a number, an object, …), written as JSON for the message.
    Other(String),
}

/// The error for a configuration that is not an object of attributes at all; `detail` says
/// where the reading stopped.
pub fn not_an_object(detail: &str) -> Vec<ConfigError> {
    vec![error(
        "configuration",
        format!("not a JSON object of attribute names and text values ({detail})"),
    )]
}

fn error(attribute: &str, message: String) -> ConfigError {
    ConfigError {
        attribute: attribute.to_string(),
        message,
    }
}

/// A value quoted for a message (control characters escaped, `\u{5}`), cut after 80
/// characters of the quoted form, so that neither a long value nor one of many escaped
/// characters makes a long message.
fn quoted(value: &str) -> String {
    let mut out = String::from("\"");
    let mut shown = 0;
    for c in value.chars() {
        let escaped: String = c.escape_debug().collect();
        shown += escaped.chars().count();
        if shown > 80 {
            out.push_str("\"…");
            return out;
        }
        out.push_str(&escaped);
    }
    out.push('"');
    out
}

/// The storage key as kept: trimmed, each character outside `A-Z a-z 0-9 . _ -` made `_`, at
/// most [`MAX_KEY_CHARS`] characters, [`DEFAULT_KEY`] when empty. Never an error: any text
/// names some namespace, and a key already in this form stays as it is.
pub fn storage_key(value: &str) -> String {
    let key: String = value
        .trim()
        .chars()
        .take(MAX_KEY_CHARS)
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if key.is_empty() {
        DEFAULT_KEY.to_string()
    } else {
        key
    }
}

/// The storage namespace of a widget: `aims-readiness-embed:{key}` with the key as
/// [`storage_key`] keeps it.
pub fn namespace(storage_key_value: &str) -> String {
    format!("{NAMESPACE_PREFIX}:{}", storage_key(storage_key_value))
}

/// The scheme of an address (`https` of `https://…`), if it starts with one.
fn scheme(url: &str) -> Option<&str> {
    let end = url.find(':')?;
    let s = &url[..end];
    let mut chars = s.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(s)
}

fn check_length(attribute: &str, value: &str) -> Result<(), ConfigError> {
    let n = value.chars().count();
    if n > MAX_URL_CHARS {
        return Err(error(
            attribute,
            format!("{n} characters, more than the {MAX_URL_CHARS} an address may have"),
        ));
    }
    if let Some(c) = value.chars().find(|c| c.is_control() || c.is_whitespace()) {
        return Err(error(
            attribute,
            format!(
                "{} holds a space or control character ({:?}); an address has none (write spaces as %20)",
                quoted(value),
                c
            ),
        ));
    }
    Ok(())
}

/// `app-url`: an `http:` or `https:` address, or one relative to the host page (`../`,
/// `/aims/`). Any other scheme (`javascript:`, `data:`, …) is refused: the link must only
/// ever open a page.
pub fn app_url(value: &str) -> Result<String, ConfigError> {
    let value = value.trim();
    check_length("app-url", value)?;
    match scheme(value) {
        Some(s) if s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https") => {
            let rest = &value[s.len() + 1..];
            if rest.len() <= 2 || !rest.starts_with("//") {
                return Err(error(
                    "app-url",
                    format!(
                        "{} is not a complete address: write it as https://host/path",
                        quoted(value)
                    ),
                ));
            }
        }
        Some(s) => {
            return Err(error(
                "app-url",
                format!(
                    "{} uses the scheme {}; only an https:// or http:// address, or one relative to this page, can be linked",
                    quoted(value),
                    quoted(&format!("{s}:"))
                ),
            ))
        }
        None => {}
    }
    Ok(value.to_string())
}

/// `parent-origin`: exactly an origin, `scheme://host` with an optional `:port` and at most a
/// trailing `/`, the scheme `https` or `http`, the host ASCII (an internationalised name in its
/// `xn--` form). Kept in the form a browser gives as a page's origin: lower case, without the
/// trailing `/` and without the scheme's default port. `*` and anything with a path, query,
/// user name or fragment are refused: messages go to the one page named, or nowhere.
pub fn parent_origin(value: &str) -> Result<String, ConfigError> {
    const A: &str = "parent-origin";
    let value = value.trim();
    check_length(A, value)?;
    let not_origin = |why: &str| {
        error(
            A,
            format!(
                "{} is not an origin such as https://www.example.com ({why}); the frame posts no message",
                quoted(value)
            ),
        )
    };
    let Some((scheme, rest)) = value.split_once("://") else {
        return Err(not_origin("no scheme://"));
    };
    let scheme = scheme.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "https" => "443",
        "http" => "80",
        _ => return Err(not_origin("the scheme must be https or http")),
    };
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    if rest.contains(['/', '?', '#', '@', '\\']) {
        return Err(not_origin(
            "an origin has no path, query, fragment or user name",
        ));
    }
    let (host, port) = if let Some(v6) = rest.strip_prefix('[') {
        let Some((inner, after)) = v6.split_once(']') else {
            return Err(not_origin("an IPv6 address needs its closing ]"));
        };
        if inner.is_empty() || !inner.chars().all(|c| c.is_ascii_hexdigit() || c == ':') {
            return Err(not_origin("not an IPv6 address between [ ]"));
        }
        let port = match after.strip_prefix(':') {
            Some(p) => Some(p),
            None if after.is_empty() => None,
            None => return Err(not_origin("only a :port may follow the host")),
        };
        (format!("[{}]", inner.to_ascii_lowercase()), port)
    } else {
        let (host, port) = match rest.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (rest, None),
        };
        let labels_ok = !host.is_empty()
            && host.split('.').all(|l| {
                !l.is_empty()
                    && l.len() <= 63
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            });
        if !labels_ok {
            return Err(not_origin(
                "the host must be a name of letters, digits and hyphens between dots (an internationalised name in its xn-- form) or an IP address",
            ));
        }
        (host.to_ascii_lowercase(), port)
    };
    let port = match port {
        None => None,
        Some(p) => {
            let n = (!p.is_empty() && p.len() <= 5 && p.chars().all(|c| c.is_ascii_digit()))
                .then(|| p.parse::<u32>().ok())
                .flatten()
                .filter(|n| *n <= 65535)
                .ok_or_else(|| not_origin("the port must be a number from 0 to 65535"))?;
            let n = n.to_string();
            (n != default_port).then_some(n)
        }
    };
    Ok(match port {
        Some(p) => format!("{scheme}://{host}:{p}"),
        None => format!("{scheme}://{host}"),
    })
}

impl WidgetConfig {
    /// Reads the widget's attributes (name, value); names it does not know are the host's and
    /// are ignored. A missing or empty attribute takes its default. Returns every bad value,
    /// each naming its attribute.
    pub fn from_attributes<'a>(
        attributes: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Self, Vec<ConfigError>> {
        let mut config = WidgetConfig {
            storage_key: DEFAULT_KEY.to_string(),
            ..WidgetConfig::default()
        };
        let mut errors = Vec::new();
        for (name, value) in attributes {
            let trimmed = value.trim();
            if trimmed.is_empty() && name != "storage-key" {
                continue;
            }
            match name {
                "mode" => match trimmed {
                    "quick" => config.mode = Mode::Quick,
                    other => errors.push(error(
                        name,
                        format!("the widget has no mode {}: use mode=\"quick\"", quoted(other)),
                    )),
                },
                "storage-key" => config.storage_key = storage_key(value),
                "app-url" => match app_url(value) {
                    Ok(u) => config.app_url = Some(u),
                    Err(e) => errors.push(e),
                },
                "loading" => match trimmed {
                    "lazy" => config.loading = Loading::Lazy,
                    "eager" => config.loading = Loading::Eager,
                    other => errors.push(error(
                        name,
                        format!(
                            "{} is neither \"lazy\" (load when near the viewport, the default) nor \"eager\" (load at once)",
                            quoted(other)
                        ),
                    )),
                },
                "parent-origin" => match parent_origin(value) {
                    Ok(o) => config.parent_origin = Some(o),
                    Err(e) => errors.push(e),
                },
                _ => {}
            }
        }
        if errors.is_empty() {
            Ok(config)
        } else {
            Err(errors)
        }
    }

    /// Reads the JSON object of attribute names and text values the loader hands over
    /// (`{"mode": "quick", "storage-key": "course-3"}`). A value that is not text is an error
    /// naming its attribute; text that is not such an object is an error of `configuration`.
    pub fn from_json(text: &str) -> Result<Self, Vec<ConfigError>> {
        let object: Map<String, Value> = serde_json::from_str(text).map_err(|e| {
            not_an_object(&format!("line {}, column {}: {e}", e.line(), e.column()))
        })?;
        let entries: Vec<(String, Given)> = object
            .into_iter()
            .map(|(name, value)| {
                let given = match value {
                    Value::String(s) => Given::Text(s),
                    Value::Null => Given::Missing,
                    other => Given::Other(other.to_string()),
                };
                (name, given)
            })
            .collect();
        Self::from_given(&entries)
    }

    /// The attributes as the loader handed them over, already taken apart (the widget parses
    /// the loader's JSON with the browser's own parser): the same rules and messages as
    /// [`WidgetConfig::from_json`].
    pub fn from_given(entries: &[(String, Given)]) -> Result<Self, Vec<ConfigError>> {
        let mut pairs = Vec::new();
        let mut errors = Vec::new();
        for (name, value) in entries {
            match value {
                Given::Text(s) => pairs.push((name.as_str(), s.as_str())),
                Given::Missing => {}
                Given::Other(json) if ATTRIBUTES.contains(&name.as_str()) => errors.push(error(
                    name,
                    format!(
                        "{} is not text; an attribute's value is a string",
                        quoted(json)
                    ),
                )),
                Given::Other(_) => {}
            }
        }
        match Self::from_attributes(pairs) {
            Ok(c) if errors.is_empty() => Ok(c),
            Ok(_) => Err(errors),
            Err(more) => {
                errors.extend(more);
                Err(errors)
            }
        }
    }

    /// The configuration as attributes, every one the widget reads that has a value.
    pub fn to_attributes(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![
            ("mode", "quick".to_string()),
            ("storage-key", self.storage_key.clone()),
        ];
        if let Some(u) = &self.app_url {
            out.push(("app-url", u.clone()));
        }
        out.push((
            "loading",
            match self.loading {
                Loading::Lazy => "lazy",
                Loading::Eager => "eager",
            }
            .to_string(),
        ));
        if let Some(o) = &self.parent_origin {
            out.push(("parent-origin", o.clone()));
        }
        out
    }

    /// The configuration as the JSON object [`WidgetConfig::from_json`] reads.
    pub fn to_json(&self) -> String {
        let object: Map<String, Value> = self
            .to_attributes()
            .into_iter()
            .map(|(k, v)| (k.to_string(), Value::String(v)))
            .collect();
        Value::Object(object).to_string()
    }

    /// The storage namespace of this widget's answers.
    pub fn namespace(&self) -> String {
        format!("{NAMESPACE_PREFIX}:{}", self.storage_key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(pairs: &[(&str, &str)]) -> Result<WidgetConfig, Vec<ConfigError>> {
        WidgetConfig::from_attributes(pairs.iter().copied())
    }

    fn only_error(pairs: &[(&str, &str)]) -> ConfigError {
        let mut errors = read(pairs).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        errors.remove(0)
    }

    #[test]
    fn no_attributes_give_the_defaults() {
        let c = read(&[]).unwrap();
        assert_eq!(c.mode, Mode::Quick);
        assert_eq!(c.storage_key, "default");
        assert_eq!(c.loading, Loading::Lazy);
        assert_eq!((c.app_url, c.parent_origin), (None, None));
        assert_eq!(read(&[("mode", ""), ("loading", " ")]), read(&[]));
    }

    #[test]
    fn a_full_configuration_reads_and_writes_back_the_same() {
        let c = read(&[
            ("mode", "quick"),
            ("storage-key", "course-3"),
            ("app-url", "../"),
            ("loading", "eager"),
            ("parent-origin", "https://www.example.com"),
            ("class", "ignored: the host's own"),
        ])
        .unwrap();
        assert_eq!(c.loading, Loading::Eager);
        assert_eq!(c.app_url.as_deref(), Some("../"));
        assert_eq!(c.namespace(), "aims-readiness-embed:course-3");
        assert_eq!(WidgetConfig::from_json(&c.to_json()), Ok(c.clone()));
        let attrs = c.to_attributes();
        assert_eq!(
            WidgetConfig::from_attributes(attrs.iter().map(|(k, v)| (*k, v.as_str()))),
            Ok(c)
        );
    }

    #[test]
    fn an_unknown_mode_or_loading_names_the_attribute_and_the_values_that_work() {
        let e = only_error(&[("mode", "full")]);
        assert_eq!(e.attribute, "mode");
        assert_eq!(
            e.to_string(),
            "attribute \"mode\": the widget has no mode \"full\": use mode=\"quick\""
        );
        let e = only_error(&[("loading", "Eager")]);
        assert_eq!(e.attribute, "loading");
        assert!(e.message.contains("\"lazy\"") && e.message.contains("\"eager\""));
    }

    #[test]
    fn storage_keys_are_reduced_never_refused() {
        assert_eq!(storage_key("a:b/c é"), "a_b_c__");
        assert_eq!(storage_key("  "), "default");
        assert_eq!(storage_key(&"k".repeat(500)).len(), MAX_KEY_CHARS);
        assert_eq!(storage_key(&storage_key("x y")), storage_key("x y"));
        assert_eq!(namespace(""), "aims-readiness-embed:default");
    }

    #[test]
    fn app_url_opens_pages_only() {
        for ok in [
            "https://aims.example/",
            "http://localhost:8080/app",
            "../",
            "/aims/",
            "app.html#/start",
        ] {
            assert_eq!(app_url(ok).as_deref(), Ok(ok), "{ok}");
        }
        for (bad, says) in [
            ("javascript:alert(1)", "scheme \"javascript:\""),
            ("data:text/html,hi", "scheme \"data:\""),
            ("https:", "not a complete address"),
            ("https://", "not a complete address"),
            ("https://a b", "space or control character"),
        ] {
            let e = app_url(bad).unwrap_err();
            assert_eq!(e.attribute, "app-url");
            assert!(e.message.contains(says), "{bad}: {e}");
        }
        let e = app_url(&format!("https://a/{}", "x".repeat(3000))).unwrap_err();
        assert!(e.message.contains("more than the 2048"), "{e}");
        assert!(
            e.to_string().len() < 200,
            "the message does not repeat the value: {e}"
        );
    }

    #[test]
    fn parent_origin_is_an_origin_in_the_browser_s_form() {
        for (given, kept) in [
            ("https://www.example.com", "https://www.example.com"),
            ("https://www.example.com/", "https://www.example.com"),
            ("HTTPS://WWW.Example.COM", "https://www.example.com"),
            ("https://example.com:443", "https://example.com"),
            ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
            ("http://[::1]:3000", "http://[::1]:3000"),
            (
                "https://xn--bcher-kva.example",
                "https://xn--bcher-kva.example",
            ),
        ] {
            assert_eq!(parent_origin(given).as_deref(), Ok(kept), "{given}");
            assert_eq!(
                parent_origin(kept).as_deref(),
                Ok(kept),
                "{kept} is kept as it is"
            );
        }
        for (bad, says) in [
            ("*", "no scheme://"),
            ("www.example.com", "no scheme://"),
            ("ftp://example.com", "https or http"),
            ("https://example.com/page", "no path"),
            ("https://user@example.com", "user name"),
            ("https://example.com:99999", "port"),
            ("https://exa_mple.com", "letters, digits and hyphens"),
            ("https://bücher.example", "xn--"),
            ("https://", "letters, digits and hyphens"),
            ("null", "no scheme://"),
        ] {
            let e = parent_origin(bad).unwrap_err();
            assert_eq!(e.attribute, "parent-origin");
            assert!(e.message.contains(says), "{bad}: {e}");
        }
    }

    #[test]
    fn every_bad_value_is_reported_at_once() {
        let errors =
            read(&[("mode", "x"), ("loading", "y"), ("app-url", "javascript:z")]).unwrap_err();
        let names: Vec<&str> = errors.iter().map(|e| e.attribute.as_str()).collect();
        assert_eq!(names, ["mode", "loading", "app-url"]);
    }

    #[test]
    fn json_that_is_not_an_object_of_text_is_refused_by_name() {
        let e = WidgetConfig::from_json("[1]").unwrap_err();
        assert_eq!(e[0].attribute, "configuration");
        assert!(e[0].message.contains("line 1, column"), "{}", e[0]);
        let e = WidgetConfig::from_json(r#"{"mode": 1, "id": 2}"#).unwrap_err();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].attribute, "mode");
        assert_eq!(
            WidgetConfig::from_json(r#"{"mode": null, "storage-key": "k"}"#).map(|c| c.storage_key),
            Ok("k".to_string())
        );
    }

    #[test]
    fn the_messages_of_bad_attributes_are_one_a_line_each_naming_its_attribute() {
        let e =
            WidgetConfig::from_json(r#"{"mode": "full", "app-url": "javascript:x"}"#).unwrap_err();
        let text = messages(&e);
        assert_eq!(text.lines().count(), 2, "{text}");
        for name in ["mode", "app-url"] {
            let line = format!("attribute \"{name}\": ");
            assert!(text.lines().any(|l| l.starts_with(&line)), "{text}");
        }
    }
}
