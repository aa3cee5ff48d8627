#include <bibkit/bibtex/entry_json.hpp>
#include <bibkit/core/json_writer.hpp>

namespace bibkit::bibtex {

void write_entries_json(const Database& database, std::string& out, bool pretty) {
    JsonWriter json(out, pretty);
    json.begin_array();
    for (const Entry& entry : database.entries) {
        json.begin_object();
        json.key("type");
        json.value(entry.type);
        json.key("key");
        json.value(entry.key);
        json.key("fields");
        json.begin_object();
        for (const Field& field : entry.fields) {
            json.key(field.name);
            json.value(field.value);
        }
        json.end_object();
        json.end_object();
    }
    json.end_array();
    out += '\n';
}

} // namespace bibkit::bibtex
