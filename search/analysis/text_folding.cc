#include "search/analysis/text_folding.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace wiedza::analysis {
namespace {

std::string to_utf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Letters without a canonical decomposition that people nevertheless type without
// their stroke. ł/Ł matters for Polish; the others keep foreign names searchable.
UChar32 fold_undecomposable(UChar32 c) {
  switch (c) {
    case 0x0142: return 'l';   // ł
    case 0x0141: return 'L';   // Ł
    case 0x0111: return 'd';   // đ
    case 0x0110: return 'D';   // Đ
    case 0x00F8: return 'o';   // ø
    case 0x00D8: return 'O';   // Ø
    case 0x0131: return 'i';   // dotless ı
    default: return c;
  }
}

}  // namespace

std::string normalize_nfc(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString source = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (U_FAILURE(status)) return to_utf8(source);
  icu::UnicodeString result = nfc->normalize(source, status);
  if (U_FAILURE(status)) return to_utf8(source);
  return to_utf8(result);
}

std::string fold_case(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  u.foldCase();
  return to_utf8(u);
}

std::string fold_diacritics(std::string_view text) {
  if (is_ascii(text)) return std::string(text);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString source = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString decomposed = U_SUCCESS(status) ? nfd->normalize(source, status) : source;
  if (U_FAILURE(status)) decomposed = source;
  icu::UnicodeString out;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    out.append(fold_undecomposable(c));
  }
  return to_utf8(out);
}

std::string capitalise_first(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (u.isEmpty()) return {};
  UChar32 first = u.char32At(0);
  icu::UnicodeString out;
  out.append(u_toupper(first));
  out.append(u, U16_LENGTH(first), u.length() - U16_LENGTH(first));
  return to_utf8(out);
}

bool is_ascii(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

std::string leading_characters(std::string_view text, std::size_t n) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  for (std::size_t taken = 0; taken < n && i < length; ++taken) {
    U8_FWD_1(s, i, length);
  }
  return std::string(text.substr(0, static_cast<std::size_t>(i)));
}

bool is_valid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

}  // namespace wiedza::analysis
