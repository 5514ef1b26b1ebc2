//! An emotion −2..+2 as people read it: a face and the signed number, so colour (and the
//! face, where no emoji font is installed) is never the only cue.

/// "🙂 +1", "😐 0", "😣 -2"; "–" when unknown (never 0).
pub fn emotion(e: Option<i8>) -> String {
    match e {
        Some(v) => {
            let face = match v {
                i8::MIN..=-2 => "😣",
                -1 => "🙁",
                0 => "😐",
                1 => "🙂",
                _ => "😀",
            };
            format!("{face} {v:+}")
        }
        None => "–".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faces_and_signed_numbers() {
        assert_eq!(emotion(Some(1)), "🙂 +1");
        assert_eq!(emotion(Some(-2)), "😣 -2");
        assert_eq!(emotion(None), "–");
    }
}
