/// Turns a view value into the dictionaries, arrays and plain values swift-mustache reads directly,
/// in one pass before rendering.
///
/// swift-mustache looks a name up in a plain value by reflecting on every field of it, for every
/// lookup; dictionaries it reads directly. The conversion goes through `Encodable`, whose code the
/// compiler writes for each view type, rather than through reflection at run time (`Mirror`),
/// which took a quarter of a full build. Templates see the same names: a view's stored properties,
/// with a missing optional left out, so that a section on it renders nothing.
import Mustache

/// Text as swift-mustache takes it fastest: it renders a `MustacheCustomRenderable` at once, where a
/// plain `String` goes through several dynamic casts and `String(describing:)` first.
struct TemplateText: MustacheCustomRenderable, MustacheTransformable, MustacheParent {
    let text: String
    var renderText: String { text }
    var isNull: Bool { false }
    func transform(_ name: String) -> Any? { text.transform(name) }
    // Text has no fields: a name inside `{{#text}}…{{/text}}` is looked up in the enclosing values.
    func child(named: String) -> Any? { nil }
}

enum TemplateValue {
    static func convert<Value: Encodable>(_ value: Value) -> Any {
        switch value {
        case let text as String: return TemplateText(text: text)
        case let flag as Bool: return flag
        case let number as Int: return number
        case let number as Double: return number
        default: break
        }
        let encoder = TemplateEncoder()
        // Nothing below throws: every value is accepted as it is.
        try? value.encode(to: encoder)
        return encoder.value
    }
}

/// Collects what a value encodes into `[String: Any]` (a keyed container), `[Any]` (an unkeyed
/// one) or the single value.
private final class TemplateEncoder: Encoder {
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    private var object: FieldsBox?
    private var array: ItemsBox?
    private var single: Any?

    var value: Any {
        if let object { return object.resolved() }
        if let array { return array.resolved() }
        return single ?? [String: Any]()
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box = object ?? FieldsBox()
        object = box
        return KeyedEncodingContainer(KeyedContainer<Key>(box: box))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box = array ?? ItemsBox()
        array = box
        return UnkeyedContainer(box: box)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(encoder: self)
    }

    fileprivate func set(_ value: Any) {
        single = value
    }
}

// Nested containers (which only hand-written `encode(to:)` methods ask for) are filled after they
// are stored, so they are stored as their boxes and turned into values at the end.

private final class FieldsBox {
    var fields: [String: Any] = [:]
    var hasNested = false

    func resolved() -> [String: Any] {
        hasNested ? fields.mapValues(resolve) : fields
    }
}

private final class ItemsBox {
    var items: [Any] = []
    var hasNested = false

    func resolved() -> [Any] {
        hasNested ? items.map(resolve) : items
    }
}

private func resolve(_ value: Any) -> Any {
    switch value {
    case let box as FieldsBox: box.resolved()
    case let box as ItemsBox: box.resolved()
    default: value
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: FieldsBox
    var codingPath: [any CodingKey] { [] }

    // A nil is left out, as a missing optional is.
    mutating func encodeNil(forKey key: Key) {}
    mutating func encode(_ value: Bool, forKey key: Key) { box.fields[key.stringValue] = value }
    mutating func encode(_ value: String, forKey key: Key) { box.fields[key.stringValue] = TemplateText(text: value) }
    mutating func encode(_ value: Double, forKey key: Key) { box.fields[key.stringValue] = value }
    mutating func encode(_ value: Float, forKey key: Key) { box.fields[key.stringValue] = value }
    mutating func encode(_ value: Int, forKey key: Key) { box.fields[key.stringValue] = value }
    mutating func encode(_ value: Int8, forKey key: Key) { box.fields[key.stringValue] = value }
    mutating func encode(_ value: Int16, forKey key: Key) { box.fields[key.stringValue] = value }
    mutating func encode(_ value: Int32, forKey key: Key) { box.fields[key.stringValue] = value }
    mutating func encode(_ value: Int64, forKey key: Key) { box.fields[key.stringValue] = value }
    mutating func encode(_ value: UInt, forKey key: Key) { box.fields[key.stringValue] = value }
    mutating func encode(_ value: UInt8, forKey key: Key) { box.fields[key.stringValue] = value }
    mutating func encode(_ value: UInt16, forKey key: Key) { box.fields[key.stringValue] = value }
    mutating func encode(_ value: UInt32, forKey key: Key) { box.fields[key.stringValue] = value }
    mutating func encode(_ value: UInt64, forKey key: Key) { box.fields[key.stringValue] = value }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) { box.fields[key.stringValue] = TemplateValue.convert(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = FieldsBox()
        box.fields[key.stringValue] = nested
        box.hasNested = true
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = ItemsBox()
        box.fields[key.stringValue] = nested
        box.hasNested = true
        return UnkeyedContainer(box: nested)
    }

    mutating func superEncoder() -> any Encoder { TemplateEncoder() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { TemplateEncoder() }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let box: ItemsBox
    var codingPath: [any CodingKey] { [] }
    var count: Int { box.items.count }

    // An array keeps its places: a nil element stays, as Mirror kept it.
    mutating func encodeNil() { box.items.append(Optional<Any>.none as Any) }
    mutating func encode<T: Encodable>(_ value: T) { box.items.append(TemplateValue.convert(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = FieldsBox()
        box.items.append(nested)
        box.hasNested = true
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = ItemsBox()
        box.items.append(nested)
        box.hasNested = true
        return UnkeyedContainer(box: nested)
    }

    mutating func superEncoder() -> any Encoder { TemplateEncoder() }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let encoder: TemplateEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() {}
    mutating func encode<T: Encodable>(_ value: T) { encoder.set(TemplateValue.convert(value)) }
}
