//! Deterministic UUIDs for OSCAL documents: RFC 9562 version 5 (SHA-1 of a namespace and a
//! name), from the `uuid` crate. The engine has no randomness, and the same assessment on the
//! same date must give the same document, so every UUID is derived from the content it names.
//!
//! SHA-1 is used here only because version 5 UUIDs are defined with it; nothing relies on its
//! resistance to collisions.

pub use uuid::Uuid;

/// `7f9c0700-51ec-5a41-a32c-4bde8c332320`: the version 5 UUID of our OSCAL namespace URI in the
/// RFC's URL namespace; the namespace of every UUID we derive.
pub const AIMS_NAMESPACE: Uuid = Uuid::from_bytes([
    127, 156, 7, 0, 81, 236, 90, 65, 163, 44, 75, 222, 140, 51, 35, 32,
]);

/// The version 5 UUID of `name` in `namespace`.
pub fn v5(namespace: Uuid, name: &str) -> Uuid {
    Uuid::new_v5(&namespace, name.as_bytes())
}

/// A UUID derived from another: `v5(parent, name)`, for the parts of one document.
pub trait Child {
    /// `v5(self, name)`.
    fn child(self, name: &str) -> Uuid;
}

impl Child for Uuid {
    fn child(self, name: &str) -> Uuid {
        v5(self, name)
    }
}

/// Lower-case hex of the SHA-1 of `content`: the name a document's UUID is derived from.
pub fn digest(content: &str) -> String {
    sha1_smol::Sha1::from(content).digest().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_matches_fips_vectors() {
        assert_eq!(digest("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
        assert_eq!(digest(""), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assert_eq!(
            digest(&"a".repeat(1000)),
            "291e9a6c66994949b57ba5e650361e98fc36b1ba"
        );
    }

    #[test]
    fn uuid_v5_matches_python_uuid5() {
        // uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
        assert_eq!(
            v5(Uuid::NAMESPACE_DNS, "python.org").to_string(),
            "886313e1-3b8a-5372-9b90-0c9aee199e5d"
        );
        // Our namespace is the v5 UUID of the namespace URI in the URL namespace.
        assert_eq!(v5(Uuid::NAMESPACE_URL, super::super::NS), AIMS_NAMESPACE);
        assert_eq!(
            AIMS_NAMESPACE.child("test").to_string(),
            "cb8c4677-807a-57e9-9875-a98575d96903"
        );
    }
}
