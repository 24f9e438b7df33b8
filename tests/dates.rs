//! Date extraction on press text: a realistic election timeline with every date form checked
//! by hand, and cases taken from dateparser's Arabic data.

use nass::extract::dates::{extract_dates, DateMention};

/// (text, value, until) of every mention, checking that each span is the text it names.
fn found(s: &str) -> Vec<(String, String, Option<String>)> {
    let mentions: Vec<DateMention> = extract_dates(s);
    let mut last = 0;
    for d in &mentions {
        assert!(d.start >= last, "overlap at {}", d.start);
        assert_eq!(&s[d.start..d.end], d.text);
        last = d.end;
    }
    mentions.into_iter().map(|d| (d.text, d.value, d.until)).collect()
}

fn row(text: &str, value: &str, until: Option<&str>) -> (String, String, Option<String>) {
    (text.to_string(), value.to_string(), until.map(str::to_string))
}

/// An election timeline written for this test, in the style of an Arab wire report: Levantine
/// and Egyptian month names (paired and alone), Arabic-Indic digits, tatweel and diacritics,
/// ordinal days, ranges, lists, a numeric date, a Hijri date, and figures that are not years.
const TIMELINE: &str = "أعلنت الهيئة العليا للانتخابات في 3 كانون الثاني/يناير 2024 الجدول الزمني للاستحقاق \
الرئاسي. وتُفتح أبواب الترشح من 15 إلى 25 شـباط (فبراير) 2024، على أن تبدأ الحملة الانتخابية في الأول من \
نيسان، وتنتهي مساء 28 نيسان. ويتوجه الناخبون إلى مراكز الاقتراع يوم ٥ أيار/مايو ٢٠٢٤، فيما يُصوِّت المغتربون \
يومي 2 و3 مايو. وكانت آخر انتخابات رئاسية قد جرت عام 2019، بعد ولايتين امتدتا بين عامي 2009 و2019، وشهدت \
البلاد منذ 2011 احتجاجات متكررة بلغت ذروتها أواخر تشرين الأول 2019. وتعود أول انتخابات تعددية إلى 14/09/1995، \
أي 19 ربيع الآخر 1416 هـ. وأوضح رئيس الهيئة أن نحو 2000 مكتب اقتراع ستفتح أبوابها، وأن آخر مراجعة للقوائم \
شملت الفترة 2022-2023. وقال في مؤتمر صحفي في يناير الماضي إن الطعون تُقدَّم حتى 20/5/2024 وتُحسم في أجل \
أقصاه العاشر من يونيو، وإن 1450 مراقبًا سيتابعون الاقتراع.";

#[test]
fn election_timeline() {
    assert_eq!(
        found(TIMELINE),
        [
            row("3 كانون الثاني/يناير 2024", "2024-01-03", None),
            row("من 15 إلى 25 شـباط (فبراير) 2024", "2024-02-15", Some("2024-02-25")),
            row("الأول من نيسان", "--04-01", None),
            row("28 نيسان", "--04-28", None),
            row("٥ أيار/مايو ٢٠٢٤", "2024-05-05", None),
            // يومي 2 و3 مايو: a list of two days, the first completed from the second.
            row("2", "--05-02", None),
            row("3 مايو", "--05-03", None),
            row("عام 2019", "2019", None),
            row("بين عامي 2009 و2019", "2009", Some("2019")),
            row("2011", "2011", None),
            row("أواخر تشرين الأول 2019", "2019-10", None),
            row("14/09/1995", "1995-09-14", None),
            // The tabular Islamic calendar puts 19 Rabi' II 1416 on 15 September 1995 (±1 day).
            row("19 ربيع الآخر 1416 هـ", "1995-09-15", None),
            // نحو 2000 مكتب and 1450 مراقبًا are figures, not years.
            row("2022-2023", "2022", Some("2023")),
            row("يناير الماضي", "--01", None),
            row("20/5/2024", "2024-05-20", None),
            row("العاشر من يونيو", "--06-10", None),
        ]
    );
}

#[test]
fn json_shape_matches_the_report_contract() {
    let d = &extract_dates("من 13 إلى 15 سبتمبر 2022")[0];
    let v = serde_json::to_value(d).unwrap();
    assert_eq!(v["text"], "من 13 إلى 15 سبتمبر 2022");
    assert_eq!(v["value"], "2022-09-13");
    assert_eq!(v["until"], "2022-09-15");
    assert_eq!(v["start"], 0);
    assert_eq!(v["end"], d.text.len());
    let single = serde_json::to_value(&extract_dates("عام 2019")[0]).unwrap();
    assert!(single.get("until").is_none());
}

/// Month names from dateparser's Arabic locale data (`ar.json`, BSD-3-Clause, Copyright (c)
/// 2014 Scrapinghub): the default names and the regional ones of ar-DZ/ar-TN, ar-IQ/ar-JO/
/// ar-LB/ar-PS/ar-SY, ar-MA and ar-MR, each read in `1 <name> 2020`.
#[test]
fn dateparser_month_vocabulary() {
    let months: [(u32, &[&str]); 12] = [
        (1, &["يناير", "جانفي", "كانون الثاني"]),
        (2, &["فبراير", "فيفري", "شباط"]),
        (3, &["مارس", "آذار"]),
        (4, &["أبريل", "أفريل", "نيسان", "إبريل"]),
        (5, &["مايو", "ماي", "أيار"]),
        (6, &["يونيو", "جوان", "حزيران"]),
        (7, &["يوليو", "جويلية", "تموز", "يوليوز"]),
        (8, &["أغسطس", "أوت", "آب", "غشت", "أغشت"]),
        (9, &["سبتمبر", "أيلول", "شتنبر", "شتمبر"]),
        (10, &["أكتوبر", "تشرين الأول"]),
        (11, &["نوفمبر", "تشرين الثاني", "نونبر"]),
        (12, &["ديسمبر", "كانون الأول", "دجنبر", "دجمبر"]),
    ];
    for (m, names) in months {
        for name in names {
            let s = format!("1 {name} 2020");
            assert_eq!(found(&s), [row(&s, &format!("2020-{m:02}-01"), None)], "{name}");
        }
    }
    // ar-IQ also writes تشرين with a Persian yeh (تشرین الأول).
    assert_eq!(found("1 تشرین الأول 2020"), [row("1 تشرین الأول 2020", "2020-10-01", None)]);
}

/// Cases from dateparser's tests (BSD-3-Clause, Copyright (c) 2014 Scrapinghub):
/// tests/test_languages.py, tests/test_search.py and tests/test_hijri.py.
#[test]
fn dateparser_cases() {
    // test_languages.py lines 153–154: the time that follows is not part of the date.
    assert_eq!(found("6 يناير، 2015، الساعة 05:16 مساءً"), [row("6 يناير، 2015", "2015-01-06", None)]);
    assert_eq!(found("7 يناير، 2015، الساعة 11:00 صباحاً"), [row("7 يناير، 2015", "2015-01-07", None)]);
    // test_search.py line 213 (dateparser's spans include في; ours leave prepositions out).
    let text = "في 29 يوليو 1938 غزت القوات اليابانية الاتحاد السوفييتي ووقعت أولى المعارك والتي انتصر فيها \
                السوفييت، وعلى الرغم من ذلك رفضت اليابان الاعتراف بذلك وقررت في 11 مايو 1939 تحريك الحدود \
                المنغولية حتى نهر غول";
    assert_eq!(found(text), [row("29 يوليو 1938", "1938-07-29", None), row("11 مايو 1939", "1939-05-11", None)]);
    // test_hijri.py lines 31–52: dateparser's values follow Umm al-Qura; the tabular calendar
    // gives the same day or the next.
    let hijri = [
        ("14-09-1432 هـ, 09:40 صباحاً", "14-09-1432 هـ", ["2011-08-14", "2011-08-15"]),
        ("20-02-1430 هـ, 07:21 صباحاً", "20-02-1430 هـ", ["2009-02-15", "2009-02-16"]),
        ("11-08-1434 هـ, 09:38 صباحاً", "11-08-1434 هـ", ["2013-06-20", "2013-06-21"]),
        (" 17-01-1437 هـ 08:30 مساءً", "17-01-1437 هـ", ["2015-10-30", "2015-10-31"]),
        ("29-02-1433 هـ, 06:22 صباحاً", "29-02-1433 هـ", ["2012-01-23", "2012-01-24"]),
        ("04-03-1433 هـ, 10:08 مساءً", "04-03-1433 هـ", ["2012-01-27", "2012-01-28"]),
    ];
    for (input, text, values) in hijri {
        let f = found(input);
        assert_eq!(f.len(), 1, "{input}: {f:?}");
        assert_eq!(f[0].0, text);
        assert!(values.contains(&f[0].1.as_str()), "{input}: {}", f[0].1);
    }
    // test_freshness_date_parser.py and test_languages.py: relative expressions, which have no
    // value without the date of publication, are not extracted.
    for relative in ["اليوم", "يوم أمس", "منذ يومين", "منذ 3 أيام", "منذ 21 أيام", "أمس", "4 عام", "منذ 2 ساعات"]
    {
        assert_eq!(found(relative), [], "{relative}");
    }
}

#[test]
fn ranges_and_years_from_the_issue() {
    assert_eq!(found("2003-2007"), [row("2003-2007", "2003", Some("2007"))]);
    assert_eq!(found("2011 إلى 2013"), [row("2011 إلى 2013", "2011", Some("2013"))]);
    assert_eq!(found("بين عامي 2011 و2013"), [row("بين عامي 2011 و2013", "2011", Some("2013"))]);
    assert_eq!(found("يناير - مارس 2020"), [row("يناير - مارس 2020", "2020-01", Some("2020-03"))]);
    assert_eq!(found("13 إلى 15 سبتمبر 2022"), [row("13 إلى 15 سبتمبر 2022", "2022-09-13", Some("2022-09-15"))]);
    assert_eq!(found("من 13 إلى 15 سبتمبر"), [row("من 13 إلى 15 سبتمبر", "--09-13", Some("--09-15"))]);
    for (s, text) in [("عام 2019", "عام 2019"), ("العام 2019", "العام 2019"), ("سنة 2019", "سنة 2019")]
    {
        assert_eq!(found(s), [row(text, "2019", None)]);
    }
    assert_eq!(found("2000 صوت"), []);
    assert_eq!(found("منتصف نوفمبر 2023"), [row("منتصف نوفمبر 2023", "2023-11", None)]);
    for s in ["20/11/2023", "2023/11/20", "٢٠٢٣/١١/٢٠", "20-11-2023", "20.11.2023"] {
        assert_eq!(found(s), [row(s, "2023-11-20", None)]);
    }
}

/// Maghrebi and other press forms of a year after a noun phrase, written for this test.
#[test]
fn years_after_noun_phrases() {
    let text = "وغادر اليوم 16 مارس 2017 منصب رئيس الاتحاد. وكان قد حقق خلال العام الماضي 2016 أرباحا، \
        وينتظر أن تتحسن خلال السنة الحالية 2017 وفي أفق 2030، مقابل تراجع في 2013 ومنذ سنة 2015. وتمتد \
        الأشغال إلى موفى 2018 والموسم الفلاحي 2016-2017. وشفيت في 2000 حالة.";
    assert_eq!(
        found(text),
        [
            row("16 مارس 2017", "2017-03-16", None),
            row("العام الماضي 2016", "2016", None),
            row("السنة الحالية 2017", "2017", None),
            row("2030", "2030", None),
            row("2013", "2013", None),
            row("سنة 2015", "2015", None),
            row("موفى 2018", "2018", None),
            row("2016-2017", "2016", Some("2017")),
        ]
    );
}

// Rules written after the development articles 21–30; the sentences are invented.

#[test]
fn a_year_after_min_and_a_part_of_the_year_or_a_start_word() {
    assert_eq!(found("تراجع الإنتاج خلال الأشهر الستة الأولى من 2018 بشكل كبير"), [row("2018", "2018", None)]);
    assert_eq!(found("يدخل القانون حيز التنفيذ اعتبارا من 2021"), [row("2021", "2021", None)]);
    assert_eq!(found("تنطلق الرحلات انطلاقا من 2019"), [row("2019", "2019", None)]);
    // A count after من stays no date.
    assert!(found("ارتفع العدد من 1950 مشاركا").is_empty());
}

#[test]
fn a_range_of_months_with_a_slash() {
    assert_eq!(
        found("سجلت المبيعات خلال الفترة جانفي/مارس 2016 ارتفاعا"),
        [row("جانفي/مارس 2016", "2016-01", Some("2016-03"))]
    );
}

#[test]
fn a_short_hijri_year_with_its_marker() {
    assert_eq!(found("توفي عام 99 هجرية"), [row("عام 99 هجرية", "0717-08-18", Some("0718-08-06"))]);
    // Without the marker, a two-digit number after عام is no year.
    assert!(found("عمره عام 99").is_empty());
}
