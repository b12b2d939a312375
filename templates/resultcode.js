/* quizgen: the result code a test page shows after submission, for classes without an LMS.
 * Inlined into test pages after qr.js; quiz.js calls quizgenResultCode(data, outcome).
 *
 * The code is "VERSION-BODY-CC": BODY is every response packed into one number (mixed radix,
 * in question order, see quizgen/codes.py, which reads it back) written in Crockford base32
 * in groups of four; CC are two check characters (a Luhn mod 32 digit over BODY, and five
 * bits of SHA-256 of the bank, version and BODY). They catch typing mistakes; they do not
 * stop a student from making up a code.
 */
var quizgenResultCode = (function () {
  "use strict";

  var BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  var NUMBER_CHARS = "0123456789.-E";
  var NOT_A_NUMBER = 15;
  var FORMAT = 1;

  function Packer() {
    this.value = BigInt(FORMAT);
  }
  Packer.prototype.push = function (digit, radix) {
    this.value = this.value * BigInt(radix) + BigInt(digit);
  };

  function letterIndex(cell) {
    return cell ? cell.charCodeAt(0) - 65 : -1;
  }

  /** The typed number as characters of NUMBER_CHARS, or null when it is not one. */
  function numberText(typed) {
    var text = typed
      .replace(/[\uff10-\uff19]/g, function (d) {
        return String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48);
      })
      .replace(/[\s,_]+/g, "").replace(/^\+/, "").toUpperCase();
    if (!quizgenGrading.parseNumber(typed) || text.length > 14) return null;
    for (var i = 0; i < text.length; i++) if (NUMBER_CHARS.indexOf(text[i]) < 0) return null;
    return text;
  }

  function pack(q, packer) {
    var box = document.querySelector('[data-question-id="' + q.id + '"]');
    if (q.type === "multiple_choice") {
      packer.push(letterIndex(q.cells[0]) + 1, q.choices.length + 1);
    } else if (q.type === "true_false") {
      var chosen = q.response[0];
      packer.push(chosen === "True" ? 1 : chosen === "False" ? 2 : 0, 3);
    } else if (q.type === "matching") {
      var options = box.querySelector("select").options.length - 1;
      q.cells.forEach(function (cell) { packer.push(letterIndex(cell) + 1, options + 1); });
    } else if (q.type === "ordering") {
      // The order as a permutation (Lehmer code), then whether the student moved anything.
      var positions = q.cells.map(Number);
      var order = positions.map(function (_, i) { return i; })
        .sort(function (x, y) { return positions[x] - positions[y]; });
      var left = order.slice().sort(function (x, y) { return x - y; });
      order.forEach(function (item) {
        var rank = left.indexOf(item);
        packer.push(rank, left.length);
        left.splice(rank, 1);
      });
      packer.push(q.answered ? 1 : 0, 2);
    } else if (q.type === "numeric") {
      var typed = (q.response[0] || "").trim();
      var text = typed === "" ? "" : numberText(typed);
      // An accepted answer that is not a plain number ("4.5 million") stands as the value.
      if (text === null && q.ok) text = numberText(q.value);
      if (text === null) {
        packer.push(NOT_A_NUMBER, 16);
      } else {
        for (var i = 0; i < text.length; i++) packer.push(NUMBER_CHARS.indexOf(text[i]), 13);
        packer.push(text.length, 16);
      }
    } else {
      // Written answers are marked by the page: blank, wrong or right.
      var given = q.response.some(function (t) { return t.trim() !== ""; });
      packer.push(given ? (q.ok ? 2 : 1) : 0, 3);
    }
  }

  function base32(value) {
    var text = "";
    var radix = BigInt(32);
    while (value > BigInt(0)) {
      text = BASE32[Number(value % radix)] + text;
      value = value / radix;
    }
    return text;
  }

  function luhn(body) {
    var factor = 2, sum = 0;
    for (var i = body.length - 1; i >= 0; i--) {
      var addend = factor * BASE32.indexOf(body[i]);
      factor = factor === 2 ? 1 : 2;
      sum += Math.floor(addend / 32) + (addend % 32);
    }
    return BASE32[(32 - (sum % 32)) % 32];
  }

  function check(bank, version, body) {
    var digest = quizgenGrading.sha256(
      new TextEncoder().encode("quizgen-code\n" + bank + "\n" + version + "\n" + body));
    return luhn(body) + BASE32[digest[0] >>> 3];
  }

  /** The code of a submitted page. */
  function codeOf(data, outcome) {
    var packer = new Packer();
    outcome.questions.forEach(function (q) { pack(q, packer); });
    var body = base32(packer.value);
    var groups = body.match(/.{1,4}/g).join("-");
    return data.version + "-" + groups + "-" + check(data.bank, data.version, body);
  }

  return function (data, outcome) {
    var section = document.querySelector("[data-result-code]");
    if (!section) return;
    var code = codeOf(data, outcome);
    section.querySelector("[data-code-text]").textContent = code;
    var picture = section.querySelector("[data-code-qr]");
    picture.textContent = "";
    picture.appendChild(quizgenQrSvg(code, "QR code of the result code " + code));
    section.setAttribute("data-code", code);
    section.hidden = false;
  };
})();
