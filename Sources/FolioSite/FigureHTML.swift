import Folio
import Foundation

/// A cell's figures on a rendered page: each an `<img>` of its SVG as a data URL, so the page needs
/// no other file and an SVG (which could come from an edited file) runs no script in the page.
/// The SVG's own stylesheet follows the reader's light or dark scheme, as the page does.
enum FigureHTML {
    static func html(for figures: [CellResult.Figure]) -> String {
        figures.map { figure in
            "<figure class=\"figure\" style=\"margin:1rem 0;text-align:center\"><img src=\"data:image/svg+xml;base64,\(Data(figure.svg.utf8).base64EncodedString())\" "
                + "alt=\"\(figure.description.htmlEscaped)\" style=\"max-width:100%;height:auto\"></figure>\n"
        }.joined()
    }
}
