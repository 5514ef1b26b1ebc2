//! Small display helpers: emotions as words and faces.

/// An emotion −2..+2 as a signed number and a face, so colour is never the only cue.
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
