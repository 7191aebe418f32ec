/// A value to 4 decimal places without trailing zeros; Swift's shortest form for very large or
/// very small magnitudes, where fixed decimals would hide the value.
func compactDecimal(_ value: Float) -> String {
    let magnitude = abs(value)
    guard value.isFinite, magnitude == 0 || (magnitude >= 1e-3 && magnitude < 1e6) else { return "\(value)" }
    let scaled = (Double(value) * 10_000).rounded()
    if scaled == 0 { return "0" }
    let sign = scaled < 0 ? "-" : ""
    let units = Int64(abs(scaled))
    var fraction = String(units % 10_000)
    fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
    while fraction.last == "0" { fraction.removeLast() }
    return sign + String(units / 10_000) + (fraction.isEmpty ? "" : "." + fraction)
}
