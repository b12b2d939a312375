/* quizgen: a small QR code encoder (ISO/IEC 18004), enough for a result code: alphanumeric
 * mode, error correction level M, versions 1 to 10 (up to 213 characters). Inlined into quiz
 * pages; quizgenQr(text) returns the matrix of modules (true = dark), quizgenQrSvg draws it.
 */
var quizgenQr = (function () {
  "use strict";

  var ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
  // Level M, versions 1-10: error correction codewords per block, and number of blocks.
  var ECC_PER_BLOCK = [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26];
  var BLOCKS = [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5];
  var FORMAT_M = 0; // the two bits of level M in the format information

  function rawModules(version) {
    var result = (16 * version + 128) * version + 64;
    if (version >= 2) {
      var align = Math.floor(version / 7) + 2;
      result -= (25 * align - 10) * align - 55;
      if (version >= 7) result -= 36;
    }
    return result;
  }

  function dataCodewords(version) {
    return Math.floor(rawModules(version) / 8) - ECC_PER_BLOCK[version] * BLOCKS[version];
  }

  // GF(256) with the polynomial x^8 + x^4 + x^3 + x^2 + 1.
  function multiply(x, y) {
    var z = 0;
    for (var i = 7; i >= 0; i--) {
      z = (z << 1) ^ ((z >>> 7) * 0x11d);
      z ^= ((y >>> i) & 1) * x;
    }
    return z;
  }

  function divisor(degree) {
    var result = [];
    for (var i = 0; i < degree - 1; i++) result.push(0);
    result.push(1);
    var root = 1;
    for (var j = 0; j < degree; j++) {
      for (var k = 0; k < result.length; k++) {
        result[k] = multiply(result[k], root);
        if (k + 1 < result.length) result[k] ^= result[k + 1];
      }
      root = multiply(root, 0x02);
    }
    return result;
  }

  function remainder(data, div) {
    var result = div.map(function () { return 0; });
    data.forEach(function (b) {
      var factor = b ^ result.shift();
      result.push(0);
      div.forEach(function (coef, i) { result[i] ^= multiply(coef, factor); });
    });
    return result;
  }

  /** Data codewords -> blocks with their error correction, interleaved. */
  function withEcc(data, version) {
    var blocks = BLOCKS[version];
    var ecc = ECC_PER_BLOCK[version];
    var raw = Math.floor(rawModules(version) / 8);
    var shortBlocks = blocks - raw % blocks;
    var shortLength = Math.floor(raw / blocks);
    var div = divisor(ecc);
    var split = [];
    for (var i = 0, k = 0; i < blocks; i++) {
      var length = shortLength - ecc + (i < shortBlocks ? 0 : 1);
      var block = data.slice(k, k + length);
      k += length;
      split.push({ data: block, ecc: remainder(block, div) });
    }
    var result = [];
    for (var n = 0; n < shortLength - ecc + 1; n++) {
      split.forEach(function (b) { if (n < b.data.length) result.push(b.data[n]); });
    }
    for (var m = 0; m < ecc; m++) split.forEach(function (b) { result.push(b.ecc[m]); });
    return result;
  }

  function encodeData(text) {
    for (var version = 1; version <= 10; version++) {
      var countBits = version <= 9 ? 9 : 11;
      var bits = [];
      var push = function (value, length) {
        for (var i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
      };
      push(2, 4);
      push(text.length, countBits);
      for (var i = 0; i + 1 < text.length; i += 2) {
        push(ALPHANUMERIC.indexOf(text[i]) * 45 + ALPHANUMERIC.indexOf(text[i + 1]), 11);
      }
      if (text.length % 2) push(ALPHANUMERIC.indexOf(text[text.length - 1]), 6);
      var capacity = dataCodewords(version) * 8;
      if (bits.length > capacity) continue;
      push(0, Math.min(4, capacity - bits.length));
      push(0, (8 - bits.length % 8) % 8);
      var bytes = [];
      for (var b = 0; b < bits.length; b += 8) {
        var byte = 0;
        for (var j = 0; j < 8; j++) byte = (byte << 1) | bits[b + j];
        bytes.push(byte);
      }
      for (var pad = 0xec; bytes.length < capacity / 8; pad ^= 0xec ^ 0x11) bytes.push(pad);
      return { version: version, codewords: withEcc(bytes, version) };
    }
    throw new Error("text too long for a QR code of version 10");
  }

  function alignmentPositions(version) {
    if (version === 1) return [];
    var count = Math.floor(version / 7) + 2;
    var step = Math.ceil((version * 4 + 4) / (count * 2 - 2)) * 2;
    var result = [6];
    for (var pos = version * 4 + 10; result.length < count; pos -= step) result.splice(1, 0, pos);
    return result;
  }

  var MASKS = [
    function (x, y) { return (x + y) % 2 === 0; },
    function (x, y) { return y % 2 === 0; },
    function (x) { return x % 3 === 0; },
    function (x, y) { return (x + y) % 3 === 0; },
    function (x, y) { return (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0; },
    function (x, y) { return (x * y) % 2 + (x * y) % 3 === 0; },
    function (x, y) { return ((x * y) % 2 + (x * y) % 3) % 2 === 0; },
    function (x, y) { return ((x + y) % 2 + (x * y) % 3) % 2 === 0; }
  ];

  function build(encoded, mask) {
    var version = encoded.version;
    var size = version * 4 + 17;
    var modules = [];
    var fixed = [];
    for (var r = 0; r < size; r++) {
      modules.push(new Array(size).fill(false));
      fixed.push(new Array(size).fill(false));
    }
    function set(x, y, dark) {
      modules[y][x] = dark;
      fixed[y][x] = true;
    }
    for (var i = 0; i < size; i++) {
      set(6, i, i % 2 === 0);
      set(i, 6, i % 2 === 0);
    }
    [[3, 3], [size - 4, 3], [3, size - 4]].forEach(function (c) {
      for (var dy = -4; dy <= 4; dy++) {
        for (var dx = -4; dx <= 4; dx++) {
          var dist = Math.max(Math.abs(dx), Math.abs(dy));
          var x = c[0] + dx, y = c[1] + dy;
          if (x >= 0 && x < size && y >= 0 && y < size) set(x, y, dist !== 2 && dist !== 4);
        }
      }
    });
    var align = alignmentPositions(version);
    align.forEach(function (ax, a) {
      align.forEach(function (ay, b) {
        var corner = (a === 0 && b === 0) || (a === 0 && b === align.length - 1) ||
          (a === align.length - 1 && b === 0);
        if (corner) return;
        for (var dy = -2; dy <= 2; dy++) {
          for (var dx = -2; dx <= 2; dx++) {
            set(ax + dx, ay + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
          }
        }
      });
    });
    // Format information (level M, the mask), with its BCH code, in both places.
    var data = (FORMAT_M << 3) | mask;
    var rem = data;
    for (var f = 0; f < 10; f++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
    var format = ((data << 10) | rem) ^ 0x5412;
    var bit = function (value, n) { return ((value >>> n) & 1) !== 0; };
    for (var k = 0; k <= 5; k++) set(8, k, bit(format, k));
    set(8, 7, bit(format, 6));
    set(8, 8, bit(format, 7));
    set(7, 8, bit(format, 8));
    for (var k2 = 9; k2 < 15; k2++) set(14 - k2, 8, bit(format, k2));
    for (var k3 = 0; k3 < 8; k3++) set(size - 1 - k3, 8, bit(format, k3));
    for (var k4 = 8; k4 < 15; k4++) set(8, size - 15 + k4, bit(format, k4));
    set(8, size - 8, true);
    if (version >= 7) {
      var vrem = version;
      for (var v = 0; v < 12; v++) vrem = (vrem << 1) ^ ((vrem >>> 11) * 0x1f25);
      var vbits = (version << 12) | vrem;
      for (var n = 0; n < 18; n++) {
        var a2 = size - 11 + n % 3, b2 = Math.floor(n / 3);
        set(a2, b2, bit(vbits, n));
        set(b2, a2, bit(vbits, n));
      }
    }
    // The codewords, in the zigzag order, masked.
    var index = 0;
    var total = encoded.codewords.length * 8;
    for (var right = size - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5;
      for (var vert = 0; vert < size; vert++) {
        for (var j = 0; j < 2; j++) {
          var x2 = right - j;
          var upward = ((right + 1) & 2) === 0;
          var y2 = upward ? size - 1 - vert : vert;
          if (fixed[y2][x2]) continue;
          var dark = index < total && bit(encoded.codewords[index >>> 3], 7 - (index & 7));
          index++;
          modules[y2][x2] = dark !== MASKS[mask](x2, y2);
        }
      }
    }
    return modules;
  }

  /** A rough penalty (runs, 2x2 blocks, balance) to choose among the eight masks. */
  function penalty(modules) {
    var size = modules.length;
    var score = 0;
    var dark = 0;
    for (var y = 0; y < size; y++) {
      var runRow = 1, runCol = 1;
      for (var x = 0; x < size; x++) {
        if (modules[y][x]) dark++;
        if (x > 0) {
          if (modules[y][x] === modules[y][x - 1]) runRow++;
          else runRow = 1;
          if (modules[x][y] === modules[x - 1][y]) runCol++;
          else runCol = 1;
          if (runRow === 5) score += 3; else if (runRow > 5) score += 1;
          if (runCol === 5) score += 3; else if (runCol > 5) score += 1;
        }
        if (x > 0 && y > 0) {
          var c = modules[y][x];
          if (c === modules[y][x - 1] && c === modules[y - 1][x] && c === modules[y - 1][x - 1]) {
            score += 3;
          }
        }
      }
    }
    return score + Math.floor(Math.abs(dark * 20 - size * size * 10) / (size * size)) * 10;
  }

  return function (text) {
    var encoded = encodeData(text);
    var best = null;
    var bestScore = Infinity;
    for (var mask = 0; mask < 8; mask++) {
      var modules = build(encoded, mask);
      var score = penalty(modules);
      if (score < bestScore) {
        best = modules;
        bestScore = score;
      }
    }
    return best;
  };
})();

/** The QR code of ``text`` as an SVG element (four modules of quiet zone around it). */
function quizgenQrSvg(text, label) {
  "use strict";
  var modules = quizgenQr(text);
  var size = modules.length + 8;
  var ns = "http://www.w3.org/2000/svg";
  var svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 " + size + " " + size);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  svg.setAttribute("shape-rendering", "crispEdges");
  var background = svg.appendChild(document.createElementNS(ns, "rect"));
  background.setAttribute("width", String(size));
  background.setAttribute("height", String(size));
  background.setAttribute("fill", "#ffffff");
  var path = "";
  modules.forEach(function (row, y) {
    row.forEach(function (dark, x) {
      if (dark) path += "M" + (x + 4) + " " + (y + 4) + "h1v1h-1z";
    });
  });
  var ink = svg.appendChild(document.createElementNS(ns, "path"));
  ink.setAttribute("d", path);
  ink.setAttribute("fill", "#000000");
  return svg;
}
