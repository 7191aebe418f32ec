/// The browser side of live reload: a script that listens on the preview's event stream and
/// reloads the page. Only `folio preview` adds it; `folio render` output never contains it.
enum LiveReload {
    /// The server-sent events stream the script listens to.
    static let eventsPath = "/__folio/events"

    static let script = """
        <script>new EventSource("\(eventsPath)").addEventListener("reload", () => location.reload());</script>

        """

    /// `html` with the script before its last `</body>`, or at its end when there is none.
    static func injected(into html: String) -> String {
        guard let body = html.range(of: "</body>", options: [.caseInsensitive, .backwards]) else {
            return html + script
        }
        return html.replacingCharacters(in: body.lowerBound..<body.lowerBound, with: script)
    }
}
