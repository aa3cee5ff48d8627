#pragma once
// An open-addressing hash map keyed by case-insensitive names (macro names, entry keys).
// Node-based maps cost a cache miss per lookup; at a lookup per field that dominated `check`.

#include <bibkit/core/ascii.hpp>
#include <bibkit/core/huge_page_allocator.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bibkit::bibtex {

// Key is std::string (owned) or std::string_view (viewing text that outlives the table).
template <class Key, class Value> class NameTable {
  public:
    void reserve(std::size_t count) {
        std::size_t size = 64;
        while (size * 3 < count * 4) size *= 2;
        if (size > m_slots.size()) rehash(size);
        m_records.reserve(count);
    }

    Value* find(std::string_view name) {
        if (m_slots.empty()) return nullptr;
        auto hash = hash_of(name);
        for (std::size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            const Slot& slot = m_slots[i];
            if (slot.index == 0) return nullptr;
            Record& record = m_records[slot.index - 1];
            if (slot.hash == hash && ascii::iequals(record.name, name)) return &record.value;
        }
    }

    // Inserts when absent; returns the value in the table and whether it was inserted.
    std::pair<Value*, bool> insert(std::string_view name, Value value) {
        if ((m_records.size() + 1) * 4 > m_slots.size() * 3)
            rehash(m_slots.empty() ? 64 : m_slots.size() * 2);
        auto hash = hash_of(name);
        for (std::size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            Slot& slot = m_slots[i];
            if (slot.index == 0) {
                m_records.push_back(Record{Key(name), std::move(value)});
                slot = Slot{hash, static_cast<std::uint32_t>(m_records.size())};
                return {&m_records.back().value, true};
            }
            Record& record = m_records[slot.index - 1];
            if (slot.hash == hash && ascii::iequals(record.name, name))
                return {&record.value, false};
        }
    }

  private:
    struct Slot {
        std::uint32_t hash = 0;
        std::uint32_t index = 0; // 1-based into m_records; 0 marks an empty slot
    };
    struct Record {
        Key name;
        Value value;
    };

    static std::uint32_t hash_of(std::string_view name) {
        return static_cast<std::uint32_t>(ascii::CaseInsensitiveHash{}(name));
    }

    void rehash(std::size_t size) {
        BigVector<Slot> old = std::move(m_slots);
        m_slots.assign(size, Slot{});
        m_mask = size - 1;
        for (const Slot& slot : old) {
            if (slot.index == 0) continue;
            std::size_t i = slot.hash & m_mask;
            while (m_slots[i].index != 0) i = (i + 1) & m_mask;
            m_slots[i] = slot;
        }
    }

    // Huge-page backed once large (see HugePageAllocator): tables of a hundred thousand keys.
    BigVector<Slot> m_slots;
    BigVector<Record> m_records;
    std::size_t m_mask = 0;
};

} // namespace bibkit::bibtex
