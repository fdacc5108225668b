//! Share links: the round trip is lossless (exactly as lossless as an assessment file), and the
//! decoder refuses oversized and malformed input with a typed error, never a panic.

// Native only: proptest does not build for wasm32-unknown-unknown.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)]

use aims_engine::assessment::{
    Answer, Answers, Assessment, Framework, IsoAnswers, NistAnswers, Organisation, Planning,
};
use aims_engine::catalog::{ExclusionLimit, IsoId, SubcategoryId};
use aims_engine::share::{decode, encode, ShareError, MAX_JSON_BYTES, MAX_LINK_CHARS, PREFIX};
use aims_engine::training::cases;
use proptest::prelude::*;
use serde_json::{Map, Value};

/// Base64url without padding, written independently of the engine's.
fn b64(bytes: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.len();
        let v = chunk
            .iter()
            .enumerate()
            .fold(0u32, |v, (i, b)| v | u32::from(*b) << (16 - 8 * i));
        for i in 0..=n {
            out.push(char::from(A[(v >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// A token holding any bytes, compressed as the engine does.
fn token_of(bytes: &[u8]) -> String {
    format!(
        "{PREFIX}{}",
        b64(&miniz_oxide::deflate::compress_to_vec(bytes, 6))
    )
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 .,;:'\"/()-]{1,40}",
        any::<String>().prop_filter("non-empty", |s| !s.trim().is_empty()),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        "[a-z ]{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop::collection::vec(inner, 0..3).prop_map(Value::from)
    })
}

fn extra() -> impl Strategy<Value = Map<String, Value>> {
    prop::collection::btree_map("x_[a-z]{1,6}", json_value(), 0..2)
        .prop_map(|m| m.into_iter().collect())
}

fn answer(annex_a: bool) -> impl Strategy<Value = Answer> {
    (
        prop::option::of(0u8..=5),
        prop::option::of(1u8..=5),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::collection::vec(text(), 0..3),
        any::<bool>(),
        any::<bool>(),
        extra(),
    )
        .prop_map(
            move |(maturity, target, note, justification, evidence, excluded, inferred, extra)| {
                let excluded = excluded && annex_a;
                Answer {
                    maturity: if excluded { None } else { maturity },
                    target,
                    applicable: !excluded,
                    justification: if excluded {
                        Some(justification.unwrap_or_else(|| "Not used".to_string()))
                    } else {
                        justification
                    },
                    reason: None,
                    note,
                    owner: None,
                    due: Some("2026-03-31".to_string()).filter(|_| inferred),
                    evidence,
                    inferred,
                    quick_scan: None,
                    status: None,
                    systems: Default::default(),
                    extra,
                }
            },
        )
}

/// Planning numbers as people type them (up to 4 decimals), which JSON carries exactly; or any
/// number in range, of which a 17-digit one may come back one unit in the last place off, as
/// from an assessment file (serde_json without `float_roundtrip`; see docs/share-link.md).
fn planning_number(lo: f64, hi: f64, typed: bool) -> impl Strategy<Value = f64> {
    (lo..hi).prop_map(move |x| if typed { (x * 1e4).round() / 1e4 } else { x })
}

fn assessment() -> impl Strategy<Value = Assessment> {
    assessment_with(true)
}

fn assessment_with(typed_numbers: bool) -> impl Strategy<Value = Assessment> {
    let iso: Vec<IsoId> = IsoId::assessable().collect();
    let nist: Vec<SubcategoryId> = SubcategoryId::all().collect();
    let iso_answers = prop::collection::vec(
        (0..iso.len()).prop_flat_map(move |i| {
            let id = iso[i];
            // Controls that a clause requires cannot be excluded (the reader refuses it).
            answer(id.is_annex_a() && ExclusionLimit::of(id).is_none()).prop_map(move |a| (id, a))
        }),
        0..70,
    )
    .prop_map(|v| Answers::Iso42001(v.into_iter().collect::<IsoAnswers>()));
    let nist_answers = prop::collection::vec(
        (0..nist.len(), 0u8..=5).prop_map(move |(i, m)| (nist[i], Answer::rated(m))),
        0..72,
    )
    .prop_map(|v| Answers::NistAiRmf(v.into_iter().collect::<NistAnswers>()));
    (
        prop_oneof![3 => iso_answers, 1 => nist_answers],
        prop::option::of(text()),
        prop::option::of(0u32..100_000),
        prop::option::of((
            planning_number(0.1, 50.0, typed_numbers),
            planning_number(0.05, 1.0, typed_numbers),
        )),
        extra(),
    )
        .prop_map(|(answers, name, employees, planning, extra)| Assessment {
            organisation: Organisation {
                name,
                employees,
                ..Organisation::default()
            },
            planning: planning.map(|(people, share)| Planning {
                people: Some(people),
                share_of_time: Some(share),
                ..Planning::default()
            }),
            answers,
            extra,
            ..Assessment::default()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn round_trip_is_lossless(a in assessment()) {
        let token = encode(&a).unwrap();
        prop_assert!(token.starts_with(PREFIX));
        prop_assert!(token[PREFIX.len()..].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        let (back, diags) = decode(&token).unwrap();
        prop_assert!(diags.iter().all(|d| !d.is_error()), "{:?}", diags);
        prop_assert_eq!(back, a);
    }

    #[test]
    fn round_trip_equals_the_file_round_trip_for_any_number(a in assessment_with(false)) {
        let (via_file, _) = Assessment::read(&a.to_json()).unwrap();
        let (via_link, _) = decode(&encode(&a).unwrap()).unwrap();
        prop_assert_eq!(via_link, via_file);
    }

    #[test]
    fn arbitrary_strings_never_panic(s in any::<String>()) {
        let _ = decode(&s);
        let _ = decode(&format!("{PREFIX}{s}"));
    }

    #[test]
    fn base64_noise_never_panics(s in "[A-Za-z0-9_-]{0,400}") {
        // Noise is never taken for an assessment, and the error is about the content.
        let token = format!("{PREFIX}{s}");
        let e = decode(&token).unwrap_err();
        prop_assert!(
            matches!(e.kind(), "bad_base64_length" | "bad_compression" | "too_large" | "not_text" | "not_an_assessment"),
            "{}", e
        );
    }

    #[test]
    fn any_compressed_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let _ = decode(&token_of(&bytes));
        let _ = decode(&format!("{PREFIX}{}", b64(&bytes)));
    }
}

#[test]
fn every_training_case_round_trips_in_a_short_link() {
    for c in cases() {
        let a = c.model();
        let token = encode(&a).unwrap();
        assert_eq!(decode(&token).unwrap().0, a, "{}", c.id);
        assert!(token.len() < 8_000, "{}: {} characters", c.id, token.len());
    }
}

#[test]
fn oversized_input_is_refused_before_any_work() {
    let long = format!("{PREFIX}{}", "A".repeat(MAX_LINK_CHARS));
    assert_eq!(
        decode(&long).unwrap_err(),
        ShareError::TooLong {
            length: MAX_LINK_CHARS + PREFIX.len(),
            limit: MAX_LINK_CHARS
        }
    );
}

#[test]
fn a_zip_bomb_stops_at_the_output_limit() {
    // 16 MiB of spaces compress to about 16 KiB: a short link that would unpack to far more
    // than any assessment.
    let bomb = token_of(&vec![b' '; 16 << 20]);
    assert!(bomb.len() < MAX_LINK_CHARS, "{}", bomb.len());
    assert_eq!(
        decode(&bomb).unwrap_err(),
        ShareError::TooLarge {
            limit: MAX_JSON_BYTES
        }
    );
}

#[test]
fn malformed_input_gets_a_clear_typed_error() {
    let not_assessment = token_of(br#"{"format": "something-else", "version": 1}"#);
    let not_json = token_of(b"hello");
    let not_utf8 = token_of(&[0xff, 0xfe, 0x00]);
    let truncated = {
        let t = encode(&cases()[0].model()).unwrap();
        let body = &t[PREFIX.len()..];
        format!("{PREFIX}{}", &body[..body.len() / 8 * 4])
    };
    for (input, kind, says) in [
        ("   ", "empty", "empty"),
        (
            "https://example.org/#/share/b1.xyz",
            "bad_prefix",
            "\"b1.xyz\"",
        ),
        ("a7.QUJD", "unsupported_version", "version \"7\""),
        ("a1.QUJD!EF", "bad_base64", "'!' at position 4"),
        ("a1.QUJDR", "bad_base64_length", "5 characters"),
        ("a1.QUJD", "bad_compression", "not valid"),
        (truncated.as_str(), "bad_compression", "not valid"),
        (not_utf8.as_str(), "not_text", "UTF-8"),
        (not_json.as_str(), "not_an_assessment", "not valid JSON"),
        (not_assessment.as_str(), "not_an_assessment", "\"format\""),
    ] {
        let e = decode(input).unwrap_err();
        assert_eq!(e.kind(), kind, "{input}: {e}");
        assert!(e.to_string().contains(says), "{input}: {e}");
    }
}

#[test]
fn an_assessment_too_large_for_a_link_is_refused_when_writing() {
    // Incompressible notes: random-looking text from a simple generator.
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut noise = String::new();
    while noise.len() < 100_000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        noise.push(char::from(b'!' + (x % 90) as u8));
    }
    let mut a = Assessment::new(Framework::Iso42001);
    a.organisation.name = Some(noise);
    let e = encode(&a).unwrap_err();
    assert_eq!(e.kind(), "too_long", "{e}");
}

/// A full action plan travels in the link: every item with an owner, a due date, a status and
/// two pieces of evidence, two AI systems answered per system. Prints the token's length (the
/// figure docs/share-link.md quotes).
#[test]
fn a_full_plan_travels_in_the_link() {
    use aims_engine::assessment::{AiSystem, PlanStatus, SystemAnswer};
    let mut a = Assessment::new(aims_engine::assessment::Framework::Iso42001);
    a.organisation.name = Some("Plan Ltd".into());
    a.profile.systems = ["chatbot", "cv-screen"]
        .iter()
        .map(|id| AiSystem {
            id: id.to_string(),
            name: Some(format!("The {id} system")),
            ..AiSystem::default()
        })
        .collect();
    if let Answers::Iso42001(m) = &mut a.answers {
        for (i, id) in IsoId::assessable().enumerate() {
            let mut answer = Answer {
                owner: Some(format!("Owner {}", i % 7)),
                due: Some(format!("2026-{:02}-{:02}", 1 + i % 12, 1 + i % 28)),
                status: Some(PlanStatus::ALL[i % 3]),
                evidence: vec![
                    format!("https://intranet.example/records/{id}/procedure.pdf"),
                    format!("Minutes of the review of {id}, 2026-03"),
                ],
                ..Answer::rated((i % 4) as u8)
            };
            if id.per_system() {
                for s in ["chatbot", "cv-screen"] {
                    answer.systems.insert(
                        s.into(),
                        SystemAnswer {
                            maturity: Some((i % 3) as u8),
                            ..SystemAnswer::default()
                        },
                    );
                }
            }
            m.insert(id, answer);
        }
    }
    let token = encode(&a).unwrap();
    eprintln!(
        "share link of a full plan: {} characters ({} bytes of JSON)",
        token.len(),
        a.to_json().len()
    );
    assert!(token.len() < MAX_LINK_CHARS);
    let (back, diags) = decode(&token).unwrap();
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(back, a);
}
