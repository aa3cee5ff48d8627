#pragma once
// A minimal std::expected stand-in (C++20 has none): errors are values at module boundaries.

#include <type_traits>
#include <utility>
#include <variant>

namespace bibkit {

template <class E> struct Unexpected { E error; };

template <class E> Unexpected<std::decay_t<E>> unexpected(E&& error) {
    return {std::forward<E>(error)};
}

template <class T, class E> class Expected {
  public:
    Expected(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    template <class G>
    Expected(Unexpected<G> error) : m_state(std::in_place_index<1>, std::move(error.error)) {}

    bool has_value() const noexcept { return m_state.index() == 0; }
    explicit operator bool() const noexcept { return has_value(); }

    T& value() & { return std::get<0>(m_state); }
    const T& value() const& { return std::get<0>(m_state); }
    T&& value() && { return std::get<0>(std::move(m_state)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    E& error() & { return std::get<1>(m_state); }
    const E& error() const& { return std::get<1>(m_state); }

  private:
    std::variant<T, E> m_state;
};

} // namespace bibkit
