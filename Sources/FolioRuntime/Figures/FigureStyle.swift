/// How every figure looks: sizes, fonts, the series palette and the light and dark themes.
///
/// Text and axes are drawn in `currentColor`, which the stylesheet sets from the page's `--text`
/// variable when the SVG sits in a Folio page, and otherwise from the reader's colour scheme (a code
/// host showing the file as an image). Series colours are the Okabe–Ito palette, which readers with
/// any common colour-vision deficiency tell apart, each a little lighter on a dark background.
enum FigureStyle {
    /// The page's font stack, with Korean fonts before the generic family so Hangul renders.
    static let fontFamily = "Pretendard, 'Noto Sans KR', 'Apple SD Gothic Neo', 'Malgun Gothic', 'Nanum Gothic', "
        + "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

    static let titleSize = 18.0
    static let labelSize = 15.0
    static let tickSize = 13.0

    /// Series colours on a light background and on a dark one.
    static let palette: [(light: String, dark: String)] = [
        ("#0072B2", "#56B4E9"), ("#E69F00", "#F0B840"), ("#009E73", "#2CC79A"), ("#CC79A7", "#E09CC4"),
        ("#D55E00", "#FF8A3D"), ("#56B4E9", "#8FD0F5"), ("#7F7F7F", "#B0B0B0"),
    ]

    /// The class that colours series `index`; after the palette runs out, colours repeat dashed.
    static func seriesClass(_ index: Int) -> String {
        "s\(index % palette.count)" + (index >= palette.count ? " dashed" : "")
    }

    /// The stylesheet inside each SVG.
    static var stylesheet: String {
        var css = ".folio-figure{color:var(--text,#1f2328);font-family:\(fontFamily)}"
            + ".folio-figure .grid{stroke:currentColor;stroke-opacity:.14}"
            + ".folio-figure .axis{stroke:currentColor;stroke-opacity:.6}"
            + ".folio-figure .muted{fill:currentColor;fill-opacity:.72}"
            + ".folio-figure .dashed{stroke-dasharray:6 4}"
        for (index, colour) in palette.enumerated() {
            css += ".folio-figure .s\(index){stroke:\(colour.light);fill:\(colour.light)}"
        }
        css += "@media (prefers-color-scheme:dark){.folio-figure{color:var(--text,#e6e8eb)}"
        for (index, colour) in palette.enumerated() {
            css += ".folio-figure .s\(index){stroke:\(colour.dark);fill:\(colour.dark)}"
        }
        // After the palette, and more specific, so series lines are never filled.
        return css + "}.folio-figure path.line{fill:none}"
    }
}
