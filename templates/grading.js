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

  /**
   * The same steps as quizgen.text.normalize_answer: NFKC, lower case, dashes to '-', then
   * letters and digits, and '.', '-' or '/' where they change a number ("-4.2", "1/2").
   */
  function normalizeAnswer(text) {
    var chars = Array.from(text.normalize("NFKC").toLowerCase().replace(/[\p{Pd}\u2212]/gu, "-"));
    var out = "";
    for (var i = 0; i < chars.length; i++) {
      var ch = chars[i];
      if (/[\p{L}\p{N}]/u.test(ch)) {
        out += ch;
        continue;
      }
      if (".-/".indexOf(ch) < 0 || i + 1 === chars.length || !/\p{Nd}/u.test(chars[i + 1])) continue;
      var prev = i ? chars[i - 1] : " ";
      if (/\p{Nd}/u.test(prev) || (ch !== "/" && !/[\p{L}\p{N}]/u.test(prev))) out += ch;
    }
    return out;
  }

  function slotHash(salt, slot, response) {
    return hex(sha256(encoder.encode(salt + "\n" + slot + "\n" + response))).slice(0, 32);
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

  return {
    sha256: sha256,
    normalizeAnswer: normalizeAnswer,
    parseNumber: parseNumber,
    withinTolerance: withinTolerance,
    slotHash: slotHash,
    accepted: accepted
  };
})();
