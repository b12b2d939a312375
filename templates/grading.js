/* quizgen: the answer matching of the quiz page (docs/grading.md). Inlined into every
 * quiz-X.html before quiz.js, in the same script element, and run as it is by the tests
 * that hold it to the Python grader (quizgen/answers.py, quizgen/text.py).
 *
 * SHA-256 is written out here rather than taken from crypto.subtle, which browsers offer
 * only in secure contexts (not on a plain http:// page) and only asynchronously.
 */
var quizgenGrading = (function () {
  "use strict";

  var K = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
    0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
    0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
    0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
    0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
    0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2
  ];
  var H0 = [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
    0x5be0cd19
  ];
  var encoder = new TextEncoder();
  var decoder = new TextDecoder();

  function ror(x, n) {
    return (x >>> n) | (x << (32 - n));
  }

  /** SHA-256 of a Uint8Array, as a Uint8Array of 32 bytes (FIPS 180-4). */
  function sha256(message) {
    var length = message.length;
    var padded = new Uint8Array(((length + 72) >> 6) << 6);
    padded.set(message);
    padded[length] = 0x80;
    var view = new DataView(padded.buffer);
    view.setUint32(padded.length - 8, Math.floor(length / 0x20000000));
    view.setUint32(padded.length - 4, (length << 3) >>> 0);
    var h = new Uint32Array(H0);
    var w = new Uint32Array(64);
    for (var offset = 0; offset < padded.length; offset += 64) {
      var i;
      for (i = 0; i < 16; i++) w[i] = view.getUint32(offset + 4 * i);
      for (i = 16; i < 64; i++) {
        var x = w[i - 15];
        var y = w[i - 2];
        var s0 = ror(x, 7) ^ ror(x, 18) ^ (x >>> 3);
        var s1 = ror(y, 17) ^ ror(y, 19) ^ (y >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
      }
      var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
      for (i = 0; i < 64; i++) {
        var t1 = (k + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) +
          K[i] + w[i]) | 0;
        var t2 = ((ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        k = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += k;
    }
    var out = new Uint8Array(32);
    var outView = new DataView(out.buffer);
    for (var j = 0; j < 8; j++) outView.setUint32(4 * j, h[j]);
    return out;
  }

  function hex(bytes) {
    var text = "";
    for (var i = 0; i < bytes.length; i++) text += (bytes[i] + 0x100).toString(16).slice(1);
    return text;
  }

  function slotHash(salt, slot, response) {
    return hex(sha256(encoder.encode(salt + "\n" + slot + "\n" + response))).slice(0, 32);
  }

  /** Decode what html_secret.obfuscate wrote: base64, XOR with a SHA-256 key stream, JSON. */
  function reveal(salt, encoded) {
    var binary = atob(encoded);
    var bytes = new Uint8Array(binary.length);
    var key = sha256(encoder.encode(salt + "\nreveal"));
    var block = new Uint8Array(36);
    block.set(key);
    var stream = null;
    for (var i = 0; i < binary.length; i++) {
      if (i % 32 === 0) {
        new DataView(block.buffer).setUint32(32, i / 32);
        stream = sha256(block);
      }
      bytes[i] = binary.charCodeAt(i) ^ stream[i % 32];
    }
    return JSON.parse(decoder.decode(bytes));
  }

  /** A typed number as {n: BigInt, e: exponent} (value n * 10^e), or null.
   * Like quizgen.answers.parse_number (Python's Decimal): spaces and commas between digits
   * are ignored, and so are underscores; full-width digits count as digits. */
  function parseNumber(text) {
    var cleaned = text
      .replace(/[\uff10-\uff19]/g, function (d) {
        return String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48);
      })
      .replace(/[\s,_]+/g, "");
    var m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(cleaned);
    if (!m) return null;
    var whole = m[2], fraction = m[3] || "";
    var exponent = parseInt(m[4] || "0", 10);
    if ((whole === "" && fraction === "") || Math.abs(exponent) > 10000) return null;
    return { n: BigInt(m[1] + "0" + whole + fraction), e: exponent - fraction.length };
  }

  function scaled(number, exponent) {
    return number.n * BigInt(10) ** BigInt(number.e - exponent);
  }

  function withinTolerance(response, value, tolerance) {
    var e = Math.min(response.e, value.e, tolerance.e);
    var difference = scaled(response, e) - scaled(value, e);
    if (difference < BigInt(0)) difference = -difference;
    return difference <= scaled(tolerance, e);
  }

  function accepted(question, slot, response) {
    return response !== "" &&
      question.slots[slot].indexOf(slotHash(question.salt, slot, response)) !== -1;
  }


  // Answer forms: the same steps as quizgen/answer_forms.py (docs/grading.md) --------------

  function words(text) {
    return text.split(" ");
  }
  var ONES = words("zero one two three four five six seven eight nine ten eleven twelve " +
    "thirteen fourteen fifteen sixteen seventeen eighteen nineteen");
  var TENS = words("twenty thirty forty fifty sixty seventy eighty ninety");
  var ORDINAL_ONES = words("zeroth first second third fourth fifth sixth seventh eighth ninth " +
    "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth " +
    "nineteenth");
  var ORDINAL_TENS = words("twentieth thirtieth fortieth fiftieth sixtieth seventieth " +
    "eightieth ninetieth");
  var NUMBER_WORDS = new Map();
  ONES.forEach(function (w, i) { NUMBER_WORDS.set(w, i); });
  TENS.forEach(function (w, i) { NUMBER_WORDS.set(w, 20 + 10 * i); });
  ORDINAL_ONES.forEach(function (w, i) { NUMBER_WORDS.set(w, i); });
  ORDINAL_TENS.forEach(function (w, i) { NUMBER_WORDS.set(w, 20 + 10 * i); });
  var MULTIPLIERS = new Map([["thousand", 3], ["million", 6], ["billion", 9]]);
  var APPROXIMATE = new Set(words("about roughly approximately approx around nearly almost some circa"));
  var ARTICLES = new Set(["a", "an", "the"]);
  var LEADING = new Set(["in", "on", "from", "since"]);
  var WEEKDAYS = new Set(words("monday tuesday wednesday thursday friday saturday sunday"));
  var MONTHS = new Map();
  words("january february march april may june july august september october november " +
    "december").forEach(function (m) { MONTHS.set(m, m); MONTHS.set(m.slice(0, 3), m); });
  MONTHS.set("sept", "september");
  var SPELLINGS = new Map([
    ["defense", "defence"], ["demilitarised", "demilitarized"], ["honor", "honour"],
    ["honors", "honours"], ["symbolized", "symbolised"], ["symbolize", "symbolise"]
  ]);
  var NUM_RE = /^-?\d+(\.\d+)?$/;
  var THOUSANDS_RE = /(?<![\d.,])\d{1,3}(?:[, ]\d{3})+(?![\d,])/g;
  var PARENS_RE = /\(([^()]*)\)/g;
  var DIGITS = "0123456789";

  function letterOrDigit(ch) {
    return /^[\p{L}\p{N}]$/u.test(ch);
  }

  function isDigit(ch) {
    return ch !== "" && DIGITS.indexOf(ch) >= 0;
  }

  function markUp(text) {
    text = Array.from(text.normalize("NFKC").toLowerCase()).map(function (c) {
      if (c === "\u2212" || /^\p{Pd}$/u.test(c)) return "-";
      return letterOrDigit(c) || ".,/".indexOf(c) >= 0 ? c : " ";
    }).join("");
    text = text.replace(THOUSANDS_RE, function (m) { return m.replace(/[, ]/g, ""); });
    text = text.replace(/(\d)(?:st|nd|rd|th)\b/g, "$1");
    text = text.replace(/(\d)k\b/g, "$1 thousand");
    text = text.replace(/(\d) *- *(?=\d)/g, "$1 to ");
    var chars = Array.from(text);
    var out = "";
    for (var i = 0; i < chars.length; i++) {
      var ch = chars[i];
      var prev = i ? chars[i - 1] : " ";
      var next = i + 1 < chars.length ? chars[i + 1] : " ";
      if (letterOrDigit(ch)) out += isDigit(prev) && !isDigit(ch) ? " " + ch : ch;
      else if ((ch === "." || ch === "/") && isDigit(prev) && isDigit(next)) out += ch;
      else if (ch === "-" && isDigit(next) && !letterOrDigit(prev)) out += ch;
      else out += " ";
    }
    return out;
  }

  function tokens(text) {
    return markUp(text).split(" ").filter(function (t) { return t !== ""; });
  }

  function canonicalNumber(text) {
    var sign = text.charAt(0) === "-" ? "-" : "";
    var parts = text.replace(/^-+/, "").split(".");
    var whole = parts[0].replace(/^0+/, "") || "0";
    var fraction = (parts[1] || "").replace(/0+$/, "");
    var value = whole + (fraction ? "." + fraction : "");
    return value !== "0" ? sign + value : "0";
  }

  function scale(number, power) {
    var sign = number.charAt(0) === "-" ? "-" : "";
    var parts = number.replace(/^-+/, "").split(".");
    var fraction = (parts[1] || "") + "0".repeat(power);
    return canonicalNumber(sign + parts[0] + fraction.slice(0, power) + "." + fraction.slice(power));
  }

  function isNumber(token) {
    return NUM_RE.test(token);
  }

  function numeric(token) {
    return token !== "" && "-0123456789".indexOf(token.charAt(0)) >= 0;
  }

  function whole(token) {
    return /^[0-9]+$/.test(token);
  }

  function isDay(token) {
    return whole(token) && token.length <= 2 && +token >= 1 && +token <= 31;
  }

  function singularPlural(word) {
    if (/ies$/.test(word)) return [word, word.slice(0, -3) + "y"];
    if (/es$/.test(word)) return [word, word.slice(0, -2), word.slice(0, -1)];
    if (/s$/.test(word)) return [word, word.slice(0, -1)];
    if (/y$/.test(word)) return [word, word + "s", word.slice(0, -1) + "ies"];
    return [word, word + "s", word + "es"];
  }

  function dropUnit(list, unit) {
    if (!unit) return list;
    var phrase = tokens(unit);
    if (!phrase.length) return list;
    var phrases = singularPlural(phrase[phrase.length - 1]).map(function (last) {
      return phrase.slice(0, -1).concat([last]);
    });
    var out = [];
    var i = 0;
    while (i < list.length) {
      var match = null;
      for (var p = 0; p < phrases.length && !match; p++) {
        if (list.slice(i, i + phrases[p].length).join(" ") === phrases[p].join(" ")) {
          match = phrases[p];
        }
      }
      if (match) {
        i += match.length;
      } else {
        out.push(list[i]);
        i += 1;
      }
    }
    var drop = new Set(singularPlural(phrase[phrase.length - 1]));
    if (MULTIPLIERS.has(phrase[0]) || phrase[0] === "hundred") drop.add(phrase[0]);
    return out.filter(function (t) { return !drop.has(t); });
  }

  function numberWords(list) {
    var out = [];
    var i = 0;
    while (i < list.length) {
      if (!NUMBER_WORDS.has(list[i])) {
        out.push(list[i]);
        i += 1;
        continue;
      }
      var value = 0;
      while (i < list.length) {
        var word = list[i];
        if (NUMBER_WORDS.has(word)) value += NUMBER_WORDS.get(word);
        else if (word === "hundred") value = Math.max(value, 1) * 100;
        else if (!(word === "and" && list[i - 1] === "hundred" && i + 1 < list.length &&
                   NUMBER_WORDS.has(list[i + 1]))) break;
        i += 1;
      }
      out.push(String(value));
    }
    return out;
  }

  function multiply(list) {
    var out = [];
    list.forEach(function (token) {
      var power = token === "hundred" ? 2 : MULTIPLIERS.get(token);
      if (power !== undefined && out.length && isNumber(out[out.length - 1])) {
        out[out.length - 1] = scale(out[out.length - 1], power);
      } else {
        out.push(isNumber(token) ? canonicalNumber(token) : token);
      }
    });
    return out;
  }

  function ranges(list) {
    var out = [];
    var i = 0;
    while (i < list.length) {
      var between = list[i] === "between" && i + 3 < list.length && list[i + 2] === "and";
      var start = between ? i + 1 : i;
      var link = between ? "and" : "to";
      if (start + 2 < list.length && isNumber(list[start]) && list[start + 1] === link &&
          isNumber(list[start + 2])) {
        var low = list[start], high = list[start + 2];
        if (whole(high) && whole(low) && high.length < low.length) {
          high = low.slice(0, low.length - high.length) + high;
        }
        out.push(low + "-" + high);
        i = start + 3;
      } else {
        out.push(list[i]);
        i += 1;
      }
    }
    return out;
  }

  function dates(list) {
    var out = [];
    var i = 0;
    while (i < list.length) {
      var token = list[i];
      var skip = i + 2 < list.length && list[i + 1] === "of" ? 1 : 0;
      var next = i + 1 + skip < list.length ? list[i + 1 + skip] : "";
      if (isDay(token) && MONTHS.has(next)) {
        out.push(MONTHS.get(next), token);
        i += 2 + skip;
      } else if (MONTHS.has(token) && i + 1 < list.length && isDay(list[i + 1])) {
        out.push(MONTHS.get(token));
        i += 1;
      } else {
        out.push(token);
        i += 1;
      }
    }
    return out;
  }

  function trim(list) {
    list = list.map(function (t) { return SPELLINGS.has(t) ? SPELLINGS.get(t) : t; });
    while (list.length && ARTICLES.has(list[0])) list = list.slice(1);
    if (list.length > 1 && LEADING.has(list[0]) && (numeric(list[1]) || MONTHS.has(list[1]) || WEEKDAYS.has(list[1]))) {
      list = list.slice(1);
    }
    return list.filter(function (t, i) {
      return !(APPROXIMATE.has(t) && i + 1 < list.length && numeric(list[i + 1]));
    });
  }

  function form(text, unit) {
    var list = trim(dates(ranges(multiply(numberWords(dropUnit(tokens(text), unit))))));
    var out = "";
    list.forEach(function (token, i) {
      if (i && numeric(token) && numeric(list[i - 1])) out += " ";
      out += token;
    });
    return out;
  }

  /** Every canonical form of a typed answer (quizgen.answer_forms.answer_forms). */
  function answerForms(text, unit) {
    var readings = [text];
    if (/\(([^()]*)\)/.test(text)) {
      readings = [
        text.replace(PARENS_RE, " $1 "),
        text.replace(PARENS_RE, " "),
        Array.from(text.matchAll(PARENS_RE), function (m) { return m[1]; }).join(" ")
      ];
    }
    var out = [];
    readings.forEach(function (reading) {
      var f = form(reading, unit);
      if (f !== "" && out.indexOf(f) < 0) out.push(f);
    });
    return out;
  }

  /**
   * Whether a typed response is right for slot ``slot`` of a question (its grading data):
   * one of its forms is hashed in the slot, or, for a numeric question (``value`` and
   * ``tolerance`` given, as decimal strings), a form is a number within the tolerance.
   */
  function gradeTyped(question, slot, response, value, tolerance) {
    var forms = answerForms(response, question.unit);
    for (var i = 0; i < forms.length; i++) {
      if (accepted(question, slot, forms[i])) return true;
    }
    if (value === undefined || value === null) return false;
    return forms.some(function (f) {
      return isNumber(f) &&
        withinTolerance(parseNumber(f), parseNumber(value), parseNumber(tolerance));
    });
  }

  return {
    sha256: sha256,
    answerForms: answerForms,
    gradeTyped: gradeTyped,
    parseNumber: parseNumber,
    withinTolerance: withinTolerance,
    slotHash: slotHash,
    accepted: accepted,
    reveal: reveal
  };
})();
