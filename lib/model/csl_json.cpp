#include <algorithm>
#include <array>
#include <atomic>
#include <bibkit/core/json_writer.hpp>
#include <bibkit/core/prefault.hpp>
#include <bibkit/dates/date_output.hpp>
#include <bibkit/model/csl_json.hpp>
#include <bibkit/text/csl_markup.hpp>
#include <exception>
#include <iterator>
#include <latch>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

namespace bibkit::model {

namespace {

void write_value(JsonWriter& json, const nlohmann::json& value) {
    switch (value.type()) {
    case nlohmann::json::value_t::object:
        json.begin_object();
        for (const auto& [key, member] : value.items()) {
            json.key(key);
            write_value(json, member);
        }
        json.end_object();
        break;
    case nlohmann::json::value_t::array:
        json.begin_array();
        for (const auto& member : value) write_value(json, member);
        json.end_array();
        break;
    case nlohmann::json::value_t::string:
        json.value(value.get_ref<const std::string&>());
        break;
    case nlohmann::json::value_t::boolean:
        json.value(value.get<bool>());
        break;
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
        json.value(value.get<std::int64_t>());
        break;
    default:
        json.null();
        break;
    }
}

void write_person(JsonWriter& json, const Person& person) {
    json.begin_object();
    auto part = [&](std::string_view key, const std::string& text) {
        if (text.empty()) return;
        json.key(key);
        json.value(text);
    };
    if (!person.literal.empty()) {
        part("literal", person.literal);
    } else {
        part("family", person.family);
        part("given", person.given);
        part("non-dropping-particle", person.particle);
        part("dropping-particle", person.dropping_particle);
        part("suffix", person.suffix);
    }
    json.end_object();
}

// One variable of any kind, so that they can be written in one order: by name.
struct Slot {
    std::string_view name;
    const void* value;
    enum class Kind { text, plain, names, date } kind;
    bool operator<(const Slot& other) const { return name < other.name; }
};

// Stable, in place and without allocating: an item has a dozen variables or so.
void sort_slots(std::vector<Slot>& slots) {
    for (std::size_t i = 1; i < slots.size(); ++i) {
        Slot slot = slots[i];
        std::size_t j = i;
        for (; j > 0 && slot < slots[j - 1]; --j) slots[j] = slots[j - 1];
        slots[j] = slot;
    }
}

// Buffers reused from item to item.
struct Scratch {
    std::string text;
    std::vector<Slot> slots;
};

void write_item(JsonWriter& json, const Item& item, Scratch& scratch_space) {
    std::vector<Slot>& slots = scratch_space.slots;
    std::string& scratch = scratch_space.text;
    slots.clear();
    for (const auto& v : item.texts) slots.push_back({v.name, &v.value, Slot::Kind::text});
    for (const auto& v : item.plain) slots.push_back({v.name, &v.value, Slot::Kind::plain});
    for (const auto& v : item.names) slots.push_back({v.name, &v.value, Slot::Kind::names});
    for (const auto& v : item.dates) slots.push_back({v.name, &v.value, Slot::Kind::date});
    sort_slots(slots);
    json.begin_object();
    json.key("id");
    json.value(item.key);
    json.key("type");
    json.value(item.csl_type);
    for (const Slot& slot : slots) {
        switch (slot.kind) {
        case Slot::Kind::text: {
            const auto& text = *static_cast<const text::RichText*>(slot.value);
            scratch.clear();
            text::append_csl_markup(scratch, text);
            if (scratch.empty()) continue;
            json.key(slot.name);
            json.value(scratch);
            break;
        }
        case Slot::Kind::plain:
            json.key(slot.name);
            json.value(*static_cast<const std::string*>(slot.value));
            break;
        case Slot::Kind::names: {
            const auto& names = *static_cast<const Names*>(slot.value);
            if (names.people.empty()) continue;
            json.key(slot.name);
            json.begin_array();
            for (const Person& person : names.people) write_person(json, person);
            json.end_array();
            break;
        }
        case Slot::Kind::date: {
            const auto& value = *static_cast<const dates::Date*>(slot.value);
            if (value.kind == dates::DateKind::none) continue;
            json.key(slot.name);
            if (dates::write_plain_csl_json(json, value)) continue;
            nlohmann::json date = dates::to_csl_json(value);
            write_value(json, date);
            break;
        }
        }
    }
    json.end_object();
}

} // namespace

void write_csl_json(std::string& out, std::span<const Item> items, JsonLayout layout) {
    JsonWriter json(out, layout == JsonLayout::indented);
    Scratch scratch;
    json.begin_array();
    for (const Item& item : items) write_item(json, item, scratch);
    json.end_array();
    out += '\n';
}

namespace {

// Below this many entries a second thread costs more than it saves.
constexpr std::size_t k_parallel_entries = 2000;

// Entries [begin, end) as array items, into `out`; `first` says whether an item went before.
void write_range(const bibtex::Bibliography& bibliography, const bibtex::Database& database,
                 const EffectiveFields& fields, std::size_t begin, std::size_t end, bool first,
                 JsonLayout layout, std::string& out, std::vector<Diagnostic>& diagnostics) {
    JsonWriter json(out, layout == JsonLayout::indented);
    if (first)
        json.begin_array();
    else
        json.resume_array(true);
    Scratch scratch;
    normalize_each(bibliography, database, fields, begin, end, diagnostics,
                   [&](const Item& item) { write_item(json, item, scratch); });
}

// Reserves `bytes` and has the pages of the first `touched` of them mapped, so that writing
// the output later takes fewer page faults (thousands on a large file, each costly on a VM).
// Only about what is expected to be written: a page mapped for nothing costs as much.
void reserve_prefaulted(std::string& out, std::size_t bytes, std::size_t touched) {
    out.reserve(bytes);
    prefault(out.data(), std::min(touched, out.capacity()));
}

// Counts a latch down once: when asked, or when the scope is left (also by an exception), so
// that no thread waits forever.
class CountDown {
  public:
    explicit CountDown(std::latch& latch) : m_latch(latch) {}
    CountDown(const CountDown&) = delete;
    CountDown& operator=(const CountDown&) = delete;
    ~CountDown() { now(); }
    void now() {
        if (m_done) return;
        m_done = true;
        m_latch.count_down();
    }

  private:
    std::latch& m_latch;
    bool m_done = false;
};

// Large inputs are written in this many chunks, taken in turn by two threads: however the
// cost of entries varies, and however the threads are scheduled, they finish together.
constexpr std::size_t k_chunks = 32;

// The chunks of a parallel conversion, each with its output and diagnostics, and the next one
// to take.
struct Chunks {
    std::array<std::string, k_chunks> out;
    std::array<std::vector<Diagnostic>, k_chunks> diagnostics;
    std::atomic<std::size_t> next{0};
};

// Takes chunks until none is left; the first exception stops this thread and is kept.
void write_chunks(const bibtex::Bibliography& bibliography, const bibtex::Database& database,
                  const EffectiveFields& fields, JsonLayout layout, Chunks& chunks,
                  std::exception_ptr& error) {
    const std::size_t count = database.entries.size();
    try {
        for (std::size_t c; (c = chunks.next.fetch_add(1)) < k_chunks;)
            write_range(bibliography, database, fields, count * c / k_chunks,
                        count * (c + 1) / k_chunks, c == 0, layout, chunks.out[c],
                        chunks.diagnostics[c]);
    } catch (...) {
        error = std::current_exception();
    }
}

// Each chunk after the first was written as if items came before it: the first chunk with
// items after a first one without loses its comma.
void drop_leading_comma(Chunks& chunks) {
    bool items = chunks.out[0].size() > 1;
    for (std::size_t c = 1; c < k_chunks; ++c) {
        if (!items && !chunks.out[c].empty()) chunks.out[c].erase(0, 1);
        items = items || !chunks.out[c].empty();
    }
}

} // namespace

CslJsonDocument convert_to_csl_json(const bibtex::Bibliography& bibliography,
                                    const bibtex::Database& database, JsonLayout layout) {
    CslJsonDocument document;
    const std::size_t count = database.entries.size();
    // Output is about 1.4 times the input: one reservation instead of a growing copy.
    std::size_t input = 0;
    for (const auto& file : bibliography.files()) input += file.text().size();
    EffectiveFields fields;
    if (count < k_parallel_entries || std::thread::hardware_concurrency() < 2) {
        document.parts.resize(2);
        fields = EffectiveFields::resolve(database);
        document.diagnostics = inheritance_diagnostics(fields, database, bibliography);
        document.parts[0].reserve(input * 3 / 2 + 4096);
        write_range(bibliography, database, fields, 0, count, true, layout, document.parts[0],
                    document.diagnostics);
    } else {
        auto chunks = std::make_unique<Chunks>();
        std::exception_ptr errors[2];
        // The second thread prepares the chunks' buffers while this one resolves inheritance,
        // then both write chunks once the fields are ready.
        std::latch buffers_ready(1);
        std::latch fields_ready(1);
        const EffectiveFields* ready = nullptr; // null: this thread failed, nothing to write
        std::jthread worker([&] {
            {
                CountDown prepared(buffers_ready);
                // Each chunk's output is about 0.8 / k_chunks of the input (make-corpus: 0.81).
                try {
                    for (std::string& out : chunks->out)
                        reserve_prefaulted(out, input * 3 / (2 * k_chunks) + 4096,
                                           input * 4 / (5 * k_chunks));
                } catch (...) {
                    // Only a preparation: the writers reserve what they need themselves.
                }
            }
            fields_ready.wait();
            if (ready) write_chunks(bibliography, database, *ready, layout, *chunks, errors[1]);
        });
        // Declared after the thread, so destroyed before it is joined.
        CountDown release(fields_ready);
        fields = EffectiveFields::resolve(database);
        document.diagnostics = inheritance_diagnostics(fields, database, bibliography);
        ready = &fields;
        release.now();
        buffers_ready.wait();
        write_chunks(bibliography, database, fields, layout, *chunks, errors[0]);
        worker.join();
        for (const std::exception_ptr& error : errors)
            if (error) std::rethrow_exception(error);
        drop_leading_comma(*chunks);
        document.parts.reserve(k_chunks + 1);
        for (std::size_t c = 0; c < k_chunks; ++c) {
            document.parts.push_back(std::move(chunks->out[c]));
            std::move(chunks->diagnostics[c].begin(), chunks->diagnostics[c].end(),
                      std::back_inserter(document.diagnostics));
        }
        document.parts.emplace_back();
    }
    // The closing bracket, as JsonWriter::end_array would write it.
    bool empty = document.parts[0].size() == 1;
    for (std::size_t i = 1; empty && i + 1 < document.parts.size(); ++i)
        empty = document.parts[i].empty();
    std::string& closing = document.parts.back();
    if (!empty && layout == JsonLayout::indented) closing += '\n';
    closing += "]\n";
    locate_diagnostics(document.diagnostics);
    return document;
}

} // namespace bibkit::model
