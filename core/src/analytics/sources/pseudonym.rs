//! Customer keys without personal data: an e-mail address is normalised (trimmed, lower
//! case, so `Anna@Example.com ` and `anna@example.com` are one customer) and, with the
//! user's key, replaced by a keyed hash (HMAC-SHA256, first 16 bytes as hex) before
//! anything is kept. The key stays with the user's library, so next month's files hash
//! alike and sources join; without the key the hash cannot be reversed by guessing
//! addresses.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The customer key of a cell: normalised, and hashed when a key is given.
pub fn customer_key(value: &str, key: Option<&[u8]>) -> String {
    let normal = normalise(value);
    match key {
        Some(k) => pseudonym(&normal, k),
        None => normal,
    }
}

/// Trimmed; an e-mail address (or anything with `@`) also lower case.
pub fn normalise(value: &str) -> String {
    let v = value.trim();
    if v.contains('@') { v.to_lowercase() } else { v.to_string() }
}

/// HMAC-SHA256 of `value` under `key`, first 16 bytes in hex, prefixed `h:` so a hashed
/// key is never mistaken for an id.
pub fn pseudonym(value: &str, key: &[u8]) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(value.as_bytes());
    let bytes = mac.finalize().into_bytes();
    let mut out = String::with_capacity(34);
    out.push_str("h:");
    for b in &bytes[..16] {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_4231_case_2_and_normalisation() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        let full = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        assert_eq!(pseudonym("what do ya want for nothing?", b"Jefe"), format!("h:{}", &full[..32]));
        let k = b"library key";
        assert_eq!(customer_key(" Anna@Example.COM ", Some(k)), customer_key("anna@example.com", Some(k)));
        assert_ne!(customer_key("anna@example.com", Some(k)), customer_key("anna@example.com", Some(b"other")));
        assert!(!customer_key("anna@example.com", Some(k)).contains("anna"));
        assert_eq!(customer_key(" Anna@Example.COM ", None), "anna@example.com");
    }
}
