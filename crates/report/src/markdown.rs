//! The report as Markdown (GitHub-flavoured tables) with the charts as SVG
//! files beside it, for papers and wikis that take Markdown.

use super::document::Block;
use super::table::Cells;

/// Escapes the characters that would break a table cell or start markup.
fn cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', "<br>")
}

fn table(out: &mut String, c: &Cells) {
    out.push_str(&format!(
        "| {} |\n",
        c.header
            .iter()
            .map(|h| cell(h))
            .collect::<Vec<_>>()
            .join(" | ")
    ));
    out.push_str(&format!("|{}\n", "---|".repeat(c.header.len())));
    for r in &c.rows {
        out.push_str(&format!(
            "| {} |\n",
            r.iter().map(|v| cell(v)).collect::<Vec<_>>().join(" | ")
        ));
    }
    out.push('\n');
}

/// Renders the blocks; charts become links to `<charts_dir>/<name>.svg`,
/// and each chart's file and SVG are returned for the caller to write.
pub fn render(blocks: &[Block], charts_dir: &str) -> (String, Vec<(String, String)>) {
    let mut out = String::new();
    let mut files = Vec::new();
    for b in blocks {
        match b {
            Block::Heading(level, id, t) => {
                let anchor = if id.is_empty() {
                    String::new()
                } else {
                    format!(" <a id=\"{id}\"></a>")
                };
                out.push_str(&format!(
                    "{} {}{anchor}\n\n",
                    "#".repeat(usize::from(*level)),
                    t
                ));
            }
            Block::Para(p) => out.push_str(&format!("{p}\n\n")),
            Block::Code(c) => out.push_str(&format!("`{c}`\n\n")),
            Block::Table(c) => table(&mut out, c),
            Block::Chart(name, caption, svg) => {
                let file = format!("{charts_dir}/{name}.svg");
                out.push_str(&format!("![{name}]({file})\n\n*{caption}*\n\n"));
                files.push((file, svg.clone()));
            }
            Block::List(items) => {
                for i in items {
                    out.push_str(&format!("- {i}\n"));
                }
                out.push('\n');
            }
        }
    }
    (out, files)
}
