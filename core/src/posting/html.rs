//! A posting pasted or saved as HTML, read as text: tags dropped, block
//! elements as line breaks, entities decoded.

use super::prefix;

pub(super) fn looks_like_html(text: &str) -> bool {
    let lower = prefix(text, 4096).to_ascii_lowercase();
    let tags = [
        "<p>", "<p ", "<div", "<li>", "<li ", "<br", "<ul", "<html", "<span", "<h1", "<h2", "<h3",
        "<strong>", "<b>",
    ];
    tags.iter().filter(|t| lower.contains(*t)).count() >= 1 && lower.matches('<').count() >= 2
}

/// The text of an HTML page: tags dropped (block tags end a line), scripts
/// and styles dropped, the common entities decoded. Linear in the input.
pub(super) fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        push_decoded(&mut out, &rest[..lt]);
        let after = &rest[lt + 1..];
        let Some(gt) = after.find('>') else {
            push_decoded(&mut out, &rest[lt..]);
            rest = "";
            break;
        };
        let tag = after[..gt].trim_start_matches('/').to_ascii_lowercase();
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        rest = &after[gt + 1..];
        if name == "script" || name == "style" {
            // to the closing tag, whatever its case, in one scan
            let close = rest.match_indices("</").find(|(i, _)| {
                rest[i + 2..]
                    .get(..name.len())
                    .is_some_and(|n| n.eq_ignore_ascii_case(&name))
            });
            match close {
                Some((i, _)) => {
                    rest = &rest[i..];
                    if let Some(g) = rest.find('>') {
                        rest = &rest[g + 1..];
                    }
                }
                None => rest = "",
            }
            continue;
        }
        let block = matches!(
            name.as_str(),
            "p" | "div"
                | "br"
                | "li"
                | "ul"
                | "ol"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "tr"
                | "table"
                | "section"
                | "article"
                | "header"
                | "footer"
                | "dt"
                | "dd"
        );
        if block && !out.ends_with('\n') {
            out.push('\n');
        }
        if name == "li" && !after.starts_with('/') {
            out.push_str("- ");
        }
    }
    push_decoded(&mut out, rest);
    out
}

fn push_decoded(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        let known = [
            ("&amp;", "&"),
            ("&lt;", "<"),
            ("&gt;", ">"),
            ("&quot;", "\""),
            ("&#39;", "'"),
            ("&apos;", "'"),
            ("&nbsp;", " "),
            ("&rsquo;", "’"),
            ("&ndash;", "–"),
            ("&mdash;", "—"),
            ("&bull;", "•"),
        ];
        match known.iter().find(|(e, _)| after.starts_with(e)) {
            Some((e, r)) => {
                out.push_str(r);
                rest = &after[e.len()..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
}
