//! Bytes to text: byte-order marks, UTF-8, UTF-16 and legacy single-byte encodings.
//!
//! UTF-8 is taken as is, so offsets stay byte offsets into the file. Files with a BOM are
//! decoded by it. Anything else is guessed with `chardetng` and decoded with `encoding_rs`;
//! a guess that still needs replacement characters is refused rather than shown garbled.

use super::LoadError;

/// Text decoded from a file, and the name of the encoding it came from.
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Refuses binary content: NUL bytes (outside UTF-16) or a high share of control bytes.
pub fn check_binary(bytes: &[u8]) -> Result<(), LoadError> {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if sample.contains(&0) {
        return Err(LoadError::Binary("it contains NUL bytes".into()));
    }
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if control * 20 > sample.len() {
        return Err(LoadError::Binary(format!(
            "{control} of its first {} bytes are control characters",
            sample.len()
        )));
    }
    Ok(())
}

/// UTF-16 without a byte-order mark, recognised by its zero bytes: text in Latin scripts
/// has a zero high byte in almost every code unit, so one of the two byte positions is
/// mostly zeros and the other almost never. Binary files have zeros in both.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let sample = &bytes[..bytes.len().min(64 * 1024) & !1];
    if sample.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let units = sample.len() / 2;
    let zeros_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    let mostly = |count: usize| count * 10 >= units * 6;
    let rarely = |count: usize| count * 50 <= units;
    if mostly(odd) && rarely(even) {
        Some(encoding_rs::UTF_16LE)
    } else if mostly(even) && rarely(odd) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, LoadError> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let (text, had_errors) = encoding.decode_without_bom_handling(body);
        if had_errors {
            return Err(LoadError::Undecodable(format!(
                "it starts with a {} byte-order mark but is not valid {}",
                encoding.name(),
                encoding.name()
            )));
        }
        if encoding != encoding_rs::UTF_8 {
            check_binary(text.as_bytes())?;
        }
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: encoding.name(),
        });
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        if had_errors {
            return Err(LoadError::Undecodable(format!(
                "it looks like {} text without a byte-order mark, but is not valid {}",
                encoding.name(),
                encoding.name()
            )));
        }
        check_binary(text.as_bytes())?;
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: encoding.name(),
        });
    }
    check_binary(bytes)?;
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.to_string(),
            encoding: "UTF-8",
        }),
        Err(utf8_error) => {
            // Real UTF-8 with a damaged byte: refuse, naming the place, instead of guessing
            // a legacy encoding and showing mojibake. Legacy text almost never contains a
            // valid multi-byte UTF-8 sequence before its first invalid byte.
            let valid = &bytes[..utf8_error.valid_up_to()];
            let multibyte_before = valid.iter().any(|&b| b >= 0x80);
            if multibyte_before {
                return Err(LoadError::Undecodable(format!(
                    "invalid UTF-8 at byte {}",
                    utf8_error.valid_up_to()
                )));
            }
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
            let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
            if had_errors || encoding == encoding_rs::UTF_8 {
                return Err(LoadError::Undecodable(format!(
                    "invalid UTF-8 at byte {}, and no other encoding fits",
                    utf8_error.valid_up_to()
                )));
            }
            Ok(Decoded {
                text: text.into_owned(),
                encoding: encoding.name(),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Goïta".as_bytes()).unwrap().text, "Goïta");
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend_from_slice("Goïta".as_bytes());
        assert_eq!(decode(&with_bom).unwrap().text, "Goïta");
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Sergeï".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text, "Sergeï");
        assert_eq!(decoded.encoding, "UTF-16LE");
    }

    #[test]
    fn utf16_without_bom_is_detected() {
        let text = "Sergeï Lavrov arrived in Bamako on Tuesday.";
        let little: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let decoded = decode(&little).unwrap();
        assert_eq!(
            (decoded.text.as_str(), decoded.encoding),
            (text, "UTF-16LE")
        );
        let big: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let decoded = decode(&big).unwrap();
        assert_eq!(
            (decoded.text.as_str(), decoded.encoding),
            (text, "UTF-16BE")
        );
    }

    #[test]
    fn windows_1252_is_detected() {
        let bytes = b"Le ministre a d\xe9clar\xe9 que l'arm\xe9e fran\xe7aise \xe9tait partie.";
        let decoded = decode(bytes).unwrap();
        assert!(decoded.text.contains("déclaré"), "{}", decoded.text);
    }

    #[test]
    fn damaged_utf8_is_refused() {
        let mut bytes = "Goïta said".as_bytes().to_vec();
        bytes.push(0xFF);
        assert!(matches!(decode(&bytes), Err(LoadError::Undecodable(_))));
    }

    #[test]
    fn binary_is_refused() {
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(LoadError::Binary(_))
        ));
    }
}
