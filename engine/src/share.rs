//! Share links: a whole assessment packed into a string that fits in a URL fragment, and read
//! back with bounds (format documented in docs/share-link.md).
//!
//! A link token is `a1.` followed by the compact assessment JSON, compressed with raw DEFLATE
//! and written in base64url without padding (RFC 4648 §5): only `A-Z a-z 0-9 - _` after the
//! prefix, so it needs no escaping in a fragment, a query or a path segment. The `1` is the
//! version of this encoding (not of the assessment format, which travels inside the JSON).
//!
//! Guarantees:
//! - [`encode`] then [`decode`] gives back an equal [`Assessment`] (tested as a property).
//! - [`decode`] never panics, whatever the string. It refuses a string longer than
//!   [`MAX_LINK_CHARS`] before doing any work, stops inflating at [`MAX_JSON_BYTES`] of output
//!   (so a small "zip bomb" costs at most that much memory), and names what is wrong: the
//!   prefix, the version, the first bad base64 character and its position, the compression, the
//!   size, or the assessment reader's own error.
//! - Nothing here touches the network: a fragment is never sent to a server by a browser.

use crate::assessment::{Assessment, Diagnostic, ReadError};
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use std::fmt;

/// The prefix of every token this version writes: the encoding's version 1.
pub const PREFIX: &str = "a1.";
/// The encoding version this engine reads and writes.
pub const LINK_VERSION: u32 = 1;
/// The longest link text [`decode`] accepts (64 KiB of characters); [`encode`] refuses to
/// write a longer one.
pub const MAX_LINK_CHARS: usize = 64 * 1024;
/// The most JSON a token may inflate to (256 KiB); inflating stops there.
pub const MAX_JSON_BYTES: usize = 256 * 1024;
/// DEFLATE level: 9 is the best ratio and still takes well under a millisecond for an
/// assessment.
const LEVEL: u8 = 9;

/// Why a share link could not be written or read. `Display` is the message for users;
/// [`ShareError::kind`] is a stable code for programs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Nothing but white space.
    Empty,
    /// The link text is longer than [`MAX_LINK_CHARS`] (on reading), or the assessment would
    /// make one (on writing).
    TooLong { length: usize, limit: usize },
    /// The token does not start with `a<version>.`.
    BadPrefix { found: String },
    /// A version of the encoding this engine does not read.
    UnsupportedVersion { found: String },
    /// A character outside the base64url alphabet; `position` counts characters from the start
    /// of the token (0 = the first character after the prefix).
    BadBase64 { position: usize, character: char },
    /// A base64url text whose length cannot come from whole bytes (length % 4 = 1), or whose
    /// last character carries bits that no encoder writes.
    BadBase64Length { length: usize },
    /// The bytes are not valid raw DEFLATE data (or are truncated).
    BadCompression { reason: &'static str },
    /// The data inflates to more than [`MAX_JSON_BYTES`].
    TooLarge { limit: usize },
    /// The inflated bytes are not UTF-8 text.
    NotText { position: usize },
    /// The text is not an assessment; the reader's error says why.
    NotAnAssessment(ReadError),
}

impl ShareError {
    /// A stable code: `empty`, `too_long`, `bad_prefix`, `unsupported_version`, `bad_base64`,
    /// `bad_base64_length`, `bad_compression`, `too_large`, `not_text`, `not_an_assessment`.
    pub fn kind(&self) -> &'static str {
        match self {
            ShareError::Empty => "empty",
            ShareError::TooLong { .. } => "too_long",
            ShareError::BadPrefix { .. } => "bad_prefix",
            ShareError::UnsupportedVersion { .. } => "unsupported_version",
            ShareError::BadBase64 { .. } => "bad_base64",
            ShareError::BadBase64Length { .. } => "bad_base64_length",
            ShareError::BadCompression { .. } => "bad_compression",
            ShareError::TooLarge { .. } => "too_large",
            ShareError::NotText { .. } => "not_text",
            ShareError::NotAnAssessment(_) => "not_an_assessment",
        }
    }
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::Empty => f.write_str("the share link is empty"),
            ShareError::TooLong { length, limit } => write!(
                f,
                "the share link is {length} characters long; at most {limit} are accepted (export the assessment as a file instead)"
            ),
            ShareError::BadPrefix { found } => write!(
                f,
                "not an AIMS Readiness share link: it starts with {found:?}; expected {PREFIX:?}"
            ),
            ShareError::UnsupportedVersion { found } => write!(
                f,
                "share link version {found:?} is not supported; this AIMS Readiness reads version {LINK_VERSION} (a newer version may have written it)"
            ),
            ShareError::BadBase64 { position, character } => write!(
                f,
                "the share link is damaged: character {character:?} at position {position} after the prefix is not base64url (A-Z, a-z, 0-9, - and _)"
            ),
            ShareError::BadBase64Length { length } => write!(
                f,
                "the share link is damaged: {length} characters after the prefix cannot be whole bytes (was the link cut short?)"
            ),
            ShareError::BadCompression { reason } => write!(
                f,
                "the share link is damaged: its compressed data is not valid ({reason})"
            ),
            ShareError::TooLarge { limit } => write!(
                f,
                "the share link unpacks to more than {limit} bytes, more than any assessment needs; it was refused"
            ),
            ShareError::NotText { position } => write!(
                f,
                "the share link is damaged: its content is not UTF-8 text (byte {position})"
            ),
            ShareError::NotAnAssessment(e) => {
                write!(f, "the share link does not hold an assessment: {e}")
            }
        }
    }
}

impl std::error::Error for ShareError {}

impl Serialize for ShareError {
    /// `{ "kind": "bad_base64", "message": "..." }`, for the web app and the JS API.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("ShareError", 2)?;
        st.serialize_field("kind", self.kind())?;
        st.serialize_field("message", &self.to_string())?;
        st.end()
    }
}

/// The share token of an assessment: `a1.` + base64url(raw DEFLATE(compact JSON)).
/// Fails only when the token would be longer than [`MAX_LINK_CHARS`] (an assessment with
/// very long notes), so that every token written can be read back.
pub fn encode(a: &Assessment) -> Result<String, ShareError> {
    // Serializing an assessment (string keys, finite numbers) into a String cannot fail.
    let json = serde_json::to_string(a).unwrap_or_default();
    if json.len() > MAX_JSON_BYTES {
        return Err(ShareError::TooLarge {
            limit: MAX_JSON_BYTES,
        });
    }
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), LEVEL);
    let mut token = String::with_capacity(PREFIX.len() + packed.len().div_ceil(3) * 4);
    token.push_str(PREFIX);
    base64url_encode(&packed, &mut token);
    if token.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLong {
            length: token.len(),
            limit: MAX_LINK_CHARS,
        });
    }
    Ok(token)
}

/// Reads a share token back into an assessment, with the reader's diagnostics (as
/// [`Assessment::read`] gives them). Accepts the bare token or anything that ends with it
/// after a `#`, `/`, `?`, `&` or `=` (a whole link such as `https://host/#/share/a1.…`), with
/// surrounding white space. Never panics; every failure is a [`ShareError`].
pub fn decode(link: &str) -> Result<(Assessment, Vec<Diagnostic>), ShareError> {
    let json = decode_to_json(link)?;
    Assessment::read(&json).map_err(ShareError::NotAnAssessment)
}

/// The assessment JSON inside a token, checked for size, encoding and compression but not yet
/// read as an assessment.
pub fn decode_to_json(link: &str) -> Result<String, ShareError> {
    // Padding is not part of the encoding, but a pasted token may carry it.
    let link = link.trim().trim_end_matches('=');
    if link.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLong {
            length: link.len(),
            limit: MAX_LINK_CHARS,
        });
    }
    if link.is_empty() {
        return Err(ShareError::Empty);
    }
    // None of these separators is in the base64url alphabet, so the token is what follows the
    // last of them.
    let token = link
        .rsplit(['#', '/', '?', '&', '='])
        .next()
        .unwrap_or(link);
    let data = strip_prefix(token)?;
    let packed = base64url_decode(data)?;
    if packed.is_empty() {
        return Err(ShareError::BadCompression {
            reason: "no data after the prefix",
        });
    }
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_JSON_BYTES)
        .map_err(|e| inflate_error(e.status))?;
    String::from_utf8(bytes).map_err(|e| ShareError::NotText {
        position: e.utf8_error().valid_up_to(),
    })
}

/// `a<digits>.` → the rest, checking the version.
fn strip_prefix(token: &str) -> Result<&str, ShareError> {
    if let Some(rest) = token.strip_prefix(PREFIX) {
        return Ok(rest);
    }
    let shown = || token.chars().take(8).collect::<String>();
    let Some(after_a) = token.strip_prefix('a') else {
        return Err(ShareError::BadPrefix { found: shown() });
    };
    match after_a.split_once('.') {
        Some((digits, _))
            if !digits.is_empty()
                && digits.len() <= 4
                && digits.bytes().all(|b| b.is_ascii_digit()) =>
        {
            Err(ShareError::UnsupportedVersion {
                found: digits.to_string(),
            })
        }
        _ => Err(ShareError::BadPrefix { found: shown() }),
    }
}

fn inflate_error(status: miniz_oxide::inflate::TINFLStatus) -> ShareError {
    use miniz_oxide::inflate::TINFLStatus as S;
    match status {
        S::HasMoreOutput => ShareError::TooLarge {
            limit: MAX_JSON_BYTES,
        },
        S::FailedCannotMakeProgress | S::NeedsMoreInput => ShareError::BadCompression {
            reason: "the data ends too early",
        },
        S::Adler32Mismatch => ShareError::BadCompression {
            reason: "checksum mismatch",
        },
        _ => ShareError::BadCompression {
            reason: "invalid DEFLATE data",
        },
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5).
fn base64url_encode(bytes: &[u8], out: &mut String) {
    let sextet = |v: u32, shift: u32| char::from(ALPHABET[((v >> shift) & 63) as usize]);
    let mut chunks = bytes.chunks_exact(3);
    for c in &mut chunks {
        let v = u32::from(c[0]) << 16 | u32::from(c[1]) << 8 | u32::from(c[2]);
        for shift in [18, 12, 6, 0] {
            out.push(sextet(v, shift));
        }
    }
    match *chunks.remainder() {
        [a] => {
            let v = u32::from(a) << 16;
            out.extend([sextet(v, 18), sextet(v, 12)]);
        }
        [a, b] => {
            let v = u32::from(a) << 16 | u32::from(b) << 8;
            out.extend([sextet(v, 18), sextet(v, 12), sextet(v, 6)]);
        }
        _ => {}
    }
}

fn sextet_of(b: u8) -> Option<u32> {
    let v = match b {
        b'A'..=b'Z' => b - b'A',
        b'a'..=b'z' => b - b'a' + 26,
        b'0'..=b'9' => b - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    };
    Some(u32::from(v))
}

/// Decodes base64url without padding, strictly: the first character outside the alphabet is
/// reported with its position, and a final character with stray low bits is refused (so each
/// token has exactly one spelling).
fn base64url_decode(text: &str) -> Result<Vec<u8>, ShareError> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    let (mut acc, mut bits) = (0u32, 0u32);
    for (position, ch) in text.chars().enumerate() {
        let Some(v) = u8::try_from(ch).ok().and_then(sextet_of) else {
            return Err(ShareError::BadBase64 {
                position,
                character: ch,
            });
        };
        acc = (acc << 6 | v) & 0xFFFF;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    // Only ASCII got here, so the byte length is the character count.
    let bad_length = ShareError::BadBase64Length { length: text.len() };
    match text.len() % 4 {
        1 => Err(bad_length),
        // 2 or 3 characters left 4 or 2 bits over, which must be zero.
        _ if acc & ((1 << bits) - 1) != 0 => Err(bad_length),
        _ => Ok(out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b64(bytes: &[u8]) -> String {
        let mut s = String::new();
        base64url_encode(bytes, &mut s);
        s
    }

    #[test]
    fn base64url_matches_rfc_4648_vectors() {
        // RFC 4648 §10, without padding, and the two url-safe characters.
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(b64(plain.as_bytes()), coded);
            assert_eq!(base64url_decode(coded).unwrap(), plain.as_bytes());
        }
        assert_eq!(b64(&[0xfb, 0xff, 0xbf]), "-_-_");
        assert_eq!(base64url_decode("-_-_").unwrap(), [0xfb, 0xff, 0xbf]);
    }

    #[test]
    fn base64url_errors_name_the_position() {
        assert_eq!(
            base64url_decode("Zm9v+mE"),
            Err(ShareError::BadBase64 {
                position: 4,
                character: '+'
            })
        );
        assert_eq!(
            base64url_decode("Zm9vé"),
            Err(ShareError::BadBase64 {
                position: 4,
                character: 'é'
            })
        );
        assert_eq!(
            base64url_decode("Zm9vY"),
            Err(ShareError::BadBase64Length { length: 5 })
        );
        // "Zh" decodes to "f" too if its stray low bits were ignored.
        assert_eq!(
            base64url_decode("Zh"),
            Err(ShareError::BadBase64Length { length: 2 })
        );
    }

    #[test]
    fn prefixes_and_versions() {
        assert_eq!(strip_prefix("a1.xyz"), Ok("xyz"));
        assert_eq!(
            strip_prefix("a2.xyz"),
            Err(ShareError::UnsupportedVersion {
                found: "2".to_string()
            })
        );
        assert_eq!(
            strip_prefix("b1.xyz"),
            Err(ShareError::BadPrefix {
                found: "b1.xyz".to_string()
            })
        );
        assert!(matches!(
            strip_prefix("abc"),
            Err(ShareError::BadPrefix { .. })
        ));
    }

    #[test]
    fn tokens_are_found_inside_whole_links() {
        let a = Assessment::default();
        let t = encode(&a).unwrap();
        for link in [
            t.clone(),
            format!("  {t}\n"),
            format!("#{t}"),
            format!("https://example.org/aims/#/share/{t}"),
            format!("https://example.org/?x=1#share={t}"),
            format!("{t}=="),
        ] {
            assert_eq!(decode(&link).unwrap().0, a, "{link}");
        }
    }

    #[test]
    fn every_error_has_a_kind_and_a_message() {
        for (input, kind) in [
            ("", "empty"),
            ("zz", "bad_prefix"),
            ("a9.AAAA", "unsupported_version"),
            ("a1.A*AA", "bad_base64"),
            ("a1.A", "bad_base64_length"),
            ("a1.", "bad_compression"),
            ("a1.AAAA", "bad_compression"),
        ] {
            let e = decode(input).unwrap_err();
            assert_eq!(e.kind(), kind, "{input}: {e}");
            let json = serde_json::to_value(&e).unwrap();
            assert_eq!(json["kind"], kind);
            assert!(!e.to_string().is_empty());
        }
    }
}
