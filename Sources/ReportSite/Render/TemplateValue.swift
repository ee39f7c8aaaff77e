/// Turns a view value into dictionaries and arrays in one pass before rendering.
///
/// swift-mustache looks a name up in a plain value by reflecting on every field of it, for every
/// lookup; a page of tables does that tens of thousands of times. Reflecting each value once into a
/// `[String: Any]` (which swift-mustache reads directly) makes rendering several times faster, and the
/// templates see exactly the same names.
enum TemplateValue {
    static func convert(_ value: Any) -> Any {
        switch value {
        case is String, is Bool, is Int, is Double, is Substring:
            return value
        default:
            break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.map { convert($0.value) } as Any
        case .collection, .set:
            return mirror.children.map { convert($0.value) }
        case .struct, .class:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label else { continue }
                let childMirror = Mirror(reflecting: child.value)
                // A missing optional stays missing, so that sections on it render nothing.
                if childMirror.displayStyle == .optional {
                    guard let wrapped = childMirror.children.first else { continue }
                    fields[label] = convert(wrapped.value)
                } else {
                    fields[label] = convert(child.value)
                }
            }
            return fields
        default:
            return value
        }
    }
}
