//! Whatever the input, the parser returns: never a panic.

use proptest::prelude::*;

/// Text built from the pieces reports are made of, so the search reaches deep into the
/// readers instead of stopping at "no tables".
fn reportish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("二、主动公开政府信息情况\n".to_string()),
        Just("三、收到和处理政府信息公开申请情况\n".to_string()),
        Just("四、政府信息公开行政复议、行政诉讼情况\n".to_string()),
        Just("第二十条第（一）项".to_string()),
        Just("一、本年新收政府信息公开申请数量".to_string()),
        Just("1.属于国家秘密".to_string()),
        Just("（七）总计".to_string()),
        Just("结果维持".to_string()),
        Just("规章".to_string()),
        Just("<td rowspan=2>".to_string()),
        Just("</tr><tr>".to_string()),
        Just("<table>".to_string()),
        Just("| ".to_string()),
        Just("\t".to_string()),
        Just("\n\n".to_string()),
        Just("\u{a0}".to_string()),
        Just("-5-".to_string()),
        Just("减8".to_string()),
        "[0-9]{1,12}".prop_map(|s| s),
        "[0-9 .,]{1,8}".prop_map(|s| s),
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_strings_never_panic(s in any::<String>()) {
        let _ = xxgk::parse(&s);
    }

    #[test]
    fn arbitrary_bytes_never_panic(b in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = xxgk::parse_bytes(&b);
    }

    #[test]
    fn report_shaped_text_never_panics(s in reportish()) {
        if let Ok(r) = xxgk::parse(&s) {
            // And what it returns is JSON of the schema.
            prop_assert!(serde_json::to_string(&r).is_ok());
        }
    }
}
