//! An exact decimal for amounts (fees in 万元, procurement totals) written with decimals.
//!
//! Amounts are kept as the digits the report wrote, so `96171.6` renders back as `96171.6` and
//! never as `96171.59999`. In JSON an amount without decimals is an integer and one with
//! decimals is a number with exactly those decimals.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// `mantissa / 10^scale`, exactly as written in the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Decimal {
    mantissa: i64,
    scale: u8,
}

/// The most decimals an amount keeps; beyond it `i64` arithmetic could overflow.
const MAX_SCALE: u8 = 9;

impl Decimal {
    /// A whole number.
    pub const fn from_int(value: i64) -> Self {
        Decimal { mantissa: value, scale: 0 }
    }

    /// `mantissa / 10^scale`; `None` when the scale is beyond what an amount keeps.
    pub fn new(mantissa: i64, scale: u8) -> Option<Self> {
        (scale <= MAX_SCALE).then_some(Decimal { mantissa, scale })
    }

    /// Reads ASCII digits with at most one `.` and grouping commas (`1,234.5`), negated when
    /// `negative`; `None` for anything else or a value beyond `i64`. The lexer's hot path.
    pub(crate) fn from_digits(digits: &str, negative: bool) -> Option<Self> {
        let mut mantissa: i64 = 0;
        let mut scale: Option<u8> = None;
        let mut any = false;
        for b in digits.bytes() {
            match b {
                b'0'..=b'9' => {
                    mantissa = mantissa.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
                    if let Some(s) = scale.as_mut() {
                        *s = s.checked_add(1)?;
                    }
                    any = true;
                }
                b'.' if scale.is_none() && any => scale = Some(0),
                b',' if scale.is_none() && any => {}
                _ => return None,
            }
        }
        if !any || scale == Some(0) {
            return None;
        }
        Decimal::new(if negative { -mantissa } else { mantissa }, scale.unwrap_or(0))
    }

    /// The length of the value as `Display` writes it, without writing it (the glued-digit
    /// search ranks every split it finds by the lengths of its cells).
    pub(crate) fn display_len(self) -> usize {
        let digits = self.mantissa.unsigned_abs().checked_ilog10().map_or(1, |l| l as usize + 1);
        let sign = usize::from(self.mantissa < 0);
        match usize::from(self.scale) {
            0 => sign + digits,
            // Zero-padded to one digit before the point, then the point.
            scale => sign + digits.max(scale + 1) + 1,
        }
    }

    /// The number of digits after the decimal point, as written.
    pub fn scale(self) -> u8 {
        self.scale
    }

    /// The value as a whole number, when it has no fractional part.
    pub fn as_int(self) -> Option<i64> {
        if self.scale == 0 {
            return Some(self.mantissa);
        }
        let div = 10i64.checked_pow(u32::from(self.scale))?;
        (self.mantissa % div == 0).then_some(self.mantissa / div)
    }

    /// The nearest `f64`, for consumers that want a float.
    pub fn to_f64(self) -> f64 {
        // Parsing the exact decimal text gives the correctly rounded float.
        self.to_string().parse().unwrap_or(f64::NAN)
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.scale == 0 {
            return write!(f, "{}", self.mantissa);
        }
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let digits = self.mantissa.unsigned_abs().to_string();
        let scale = usize::from(self.scale);
        let padded = format!("{digits:0>width$}", width = scale + 1);
        let (int, frac) = padded.split_at(padded.len() - scale);
        write!(f, "{sign}{int}.{frac}")
    }
}

/// Why a string is not a decimal.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a decimal number: {0:?}")]
pub struct ParseDecimalError(String);

impl FromStr for Decimal {
    type Err = ParseDecimalError;

    /// Reads `-?digits(.digits)?`, the form amounts take once a cell is cleaned.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || ParseDecimalError(s.to_string());
        let (neg, body) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (int, frac) = body.split_once('.').unwrap_or((body, ""));
        let all_digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
        if int.is_empty() || !all_digits(int) || !all_digits(frac) || (body.contains('.') && frac.is_empty())
        {
            return Err(err());
        }
        let scale = u8::try_from(frac.len()).map_err(|_| err())?;
        let mut mantissa: i64 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            mantissa =
                mantissa.checked_mul(10).and_then(|m| m.checked_add(i64::from(b - b'0'))).ok_or_else(err)?;
        }
        Decimal::new(if neg { -mantissa } else { mantissa }, scale).ok_or_else(err)
    }
}

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.as_int() {
            Some(i) if self.scale == 0 => serializer.serialize_i64(i),
            // The shortest float that round-trips prints exactly the written digits for the
            // amounts reports contain (at most 15 significant digits).
            _ => serializer.serialize_f64(self.to_f64()),
        }
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Decimal;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Decimal, E> {
                Ok(Decimal::from_int(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Decimal, E> {
                i64::try_from(v).map(Decimal::from_int).map_err(E::custom)
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Decimal, E> {
                // `{}` prints the shortest representation that round-trips.
                let text = format!("{v}");
                text.parse().map_err(E::custom)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Decimal, E> {
                v.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_len_is_the_written_length() {
        for m in [0, 5, -5, 9, 10, 123, -123, 99_999, i64::MAX, i64::MIN] {
            for scale in 0..=MAX_SCALE {
                let d = Decimal::new(m, scale).unwrap();
                assert_eq!(d.display_len(), d.to_string().len(), "{m} {scale}");
            }
        }
    }

    #[test]
    fn parses_and_prints_the_written_digits() {
        for s in ["0", "6559", "96171.6", "75394432.52", "0.05", "-3.10", "9116.36"] {
            assert_eq!(s.parse::<Decimal>().unwrap().to_string(), s);
        }
    }

    #[test]
    fn rejects_what_is_not_a_decimal() {
        for s in ["", ".5", "5.", "1.2.3", "a", "--1", "99999999999999999999"] {
            assert!(s.parse::<Decimal>().is_err(), "{s}");
        }
    }

    #[test]
    fn whole_values_are_integers() {
        assert_eq!("12.00".parse::<Decimal>().unwrap().as_int(), Some(12));
        assert_eq!("12.5".parse::<Decimal>().unwrap().as_int(), None);
    }
}
