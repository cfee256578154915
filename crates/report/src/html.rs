//! The report as one self-contained HTML file: inline SVG charts, inline
//! CSS, no script and nothing fetched from the network. Written as
//! polyglot markup (every element closed, no named entities) so that an XML
//! parser reads it too; the tests use one to check it is well formed.

use super::document::{Block, SECTIONS};
use super::table::Cells;

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes text and sets `backticked` spans as code.
fn inline(s: &str) -> String {
    s.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                format!("<code>{}</code>", escape(part))
            } else {
                escape(part)
            }
        })
        .collect()
}

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;max-width:1060px;margin:2em auto;padding:0 1em;color:#1a1a1a;line-height:1.45}\
h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}\
table{border-collapse:collapse;font-size:.85em;margin:.5em 0;display:block;overflow-x:auto}\
th,td{border:1px solid #ddd;padding:.25em .5em;vertical-align:top;text-align:left}th{background:#f3f3f3}\
td{white-space:pre-line}code{font-size:.85em;background:#f6f6f6;padding:.1em .3em}\
figure{margin:1.5em 0}figcaption{font-size:.85em;color:#444}svg{max-width:100%;height:auto}\
p.verdict{font-size:1.1em;background:#eef5fb;border-left:4px solid #0072b2;padding:.6em .8em}\
nav ol{columns:2}";

fn table(out: &mut String, c: &Cells) {
    out.push_str("<table>\n<thead><tr>");
    for h in &c.header {
        out.push_str(&format!("<th>{}</th>", escape(h)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for r in &c.rows {
        out.push_str("<tr>");
        for v in r {
            out.push_str(&format!("<td>{}</td>", escape(v)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Renders the blocks; `title` goes into `<title>`.
pub fn render(title: &str, blocks: &[Block]) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<meta name=\"generator\" content=\"ordo {}\"/>\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        escape(title)
    );
    let mut open = false;
    for b in blocks {
        match b {
            Block::Heading(1, _, t) => {
                out.push_str(&format!("<h1>{}</h1>\n<nav><ol>", escape(t)));
                for (id, name) in SECTIONS {
                    out.push_str(&format!("<li><a href=\"#{id}\">{}</a></li>", escape(name)));
                }
                out.push_str("</ol></nav>\n");
            }
            Block::Heading(2, id, t) => {
                if open {
                    out.push_str("</section>\n");
                }
                out.push_str(&format!("<section id=\"{id}\">\n<h2>{}</h2>\n", escape(t)));
                open = true;
            }
            Block::Heading(_, _, t) => out.push_str(&format!("<h3>{}</h3>\n", escape(t))),
            Block::Para(p) if p.starts_with("Verdict") => {
                out.push_str(&format!("<p class=\"verdict\">{}</p>\n", escape(p)))
            }
            Block::Para(p) => out.push_str(&format!("<p>{}</p>\n", escape(p))),
            Block::Code(c) => out.push_str(&format!("<p><code>{}</code></p>\n", escape(c))),
            Block::Table(c) => table(&mut out, c),
            Block::Chart(name, caption, svg) => out.push_str(&format!(
                "<figure id=\"chart-{name}\">\n{svg}\n<figcaption>{}</figcaption>\n</figure>\n",
                inline(caption)
            )),
            Block::List(items) => {
                out.push_str("<ul>\n");
                for i in items {
                    out.push_str(&format!("<li>{}</li>\n", escape(i)));
                }
                out.push_str("</ul>\n");
            }
        }
    }
    if open {
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}
