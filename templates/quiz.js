/* quizgen: grades the quiz page in the browser. Inlined into every quiz-X.html, after
 * grading.js (the answer matching: quizgenGrading).
 *
 * The page holds no answer in plain text. Each response slot carries salted SHA-256 hashes
 * of its accepted responses; what is shown after grading is XOR-obfuscated. The same
 * functions exist in Python (quizgen/render/html_secret.py). This deters peeking at the
 * source; it is not security.
 */
(function () {
  "use strict";

  var G = quizgenGrading;
  var sha256 = G.sha256;
  var accepted = G.accepted;
  var encoder = new TextEncoder();
  var decoder = new TextDecoder();

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

  // ---------------------------------------------------------------------------------------

  var dataElement = document.getElementById("quiz-data");
  if (!dataElement) return;
  var data = JSON.parse(dataElement.textContent);
  var containers = Array.prototype.slice.call(document.querySelectorAll("[data-question-id]"));
  var checkButton = document.querySelector('[data-action="check"]');
  var resetButton = document.querySelector('[data-action="reset"]');
  var scoreElement = document.querySelector("[data-score]");
  var scoreText = document.querySelector("[data-score-text]");
  var scoreNote = document.querySelector("[data-score-note]");
  var announcer = document.querySelector("[data-announce]");

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function announce(message) {
    // The same message twice in a row is still announced if the text changes a little.
    announcer.textContent = announcer.textContent === message ? message + "\u00a0" : message;
  }

  function setMark(mark, ok) {
    if (!mark) return;
    mark.textContent = "";
    mark.className = "mark " + (ok ? "is-right" : "is-wrong");
    mark.appendChild(element("span", "", ok ? "✓" : "✗")).setAttribute("aria-hidden", "true");
    mark.appendChild(element("span", "sr-only", ok ? " correct" : " incorrect"));
  }

  function markInput(input, ok) {
    if (!ok) input.setAttribute("aria-invalid", "true");
  }

  /** Grade one question; mark its slots. Returns whether it is right. */
  function grade(container, question, secret) {
    var type = container.getAttribute("data-type");
    var ok;
    if (type === "multiple_choice" || type === "true_false") {
      var checked = container.querySelector('input[type="radio"]:checked');
      ok = !!checked && accepted(question, 0, checked.value);
      all(container, 'input[type="radio"]').forEach(function (radio) {
        var label = radio.closest("label");
        if (accepted(question, 0, radio.value)) {
          label.classList.add("is-answer");
          label.appendChild(element("span", "tag tag-answer", "Correct answer"));
        } else if (radio.checked) {
          label.classList.add("is-chosen");
          label.appendChild(element("span", "tag tag-chosen", "Your answer"));
        }
      });
      return ok;
    }
    if (type === "short_answer" || type === "numeric") {
      var input = container.querySelector("input");
      ok = accepted(question, 0, G.normalizeAnswer(input.value));
      if (!ok && type === "numeric") {
        var number = G.parseNumber(input.value);
        ok = number !== null && G.withinTolerance(
          number, G.parseNumber(secret.value), G.parseNumber(secret.tolerance));
      }
      markInput(input, ok);
      return ok;
    }
    var slots;
    if (type === "cloze") {
      slots = all(container, "input.blank").map(function (input, i) {
        var right = accepted(question, i, G.normalizeAnswer(input.value));
        markInput(input, right);
        return right;
      });
    } else if (type === "matching") {
      slots = all(container, "select").map(function (select, i) {
        var right = accepted(question, i, select.value);
        markInput(select, right);
        return right;
      });
    } else if (type === "ordering") {
      slots = all(container, ".order-item").map(function (item, i) {
        return accepted(question, i, item.getAttribute("data-value"));
      });
    } else {
      return false;
    }
    var marks = all(container, "[data-mark]");
    slots.forEach(function (right, i) { setMark(marks[i], right); });
    return slots.every(function (right) { return right; });
  }

  function showFeedback(container, ok, secret) {
    var box = container.querySelector("[data-feedback]");
    box.textContent = "";
    var verdict = box.appendChild(element("p", "verdict"));
    verdict.appendChild(element("span", "icon", ok ? "✓" : "✗")).setAttribute("aria-hidden", "true");
    verdict.appendChild(document.createTextNode(ok ? "Correct" : "Incorrect"));
    var answer = secret.answer;
    if (answer.style === "text") {
      var line = box.appendChild(element("p", "answer"));
      line.appendChild(element("span", "label", "Answer: "));
      line.appendChild(document.createTextNode(answer.lines.join(" ")));
    } else {
      box.appendChild(element("p", "answer label", "Answer:"));
      var list = box.appendChild(element(answer.style, "answer-list"));
      answer.lines.forEach(function (text) { list.appendChild(element("li", "", text)); });
    }
    if (answer.also.length) {
      var also = box.appendChild(element("p", "also"));
      also.appendChild(element("span", "label", "Also accepted: "));
      also.appendChild(document.createTextNode(answer.also.join("; ")));
    }
    box.appendChild(element("p", "explanation", secret.explanation));
    var source = box.appendChild(element("figure", "source"));
    source.appendChild(element("figcaption", "", "From the article"));
    source.appendChild(element("blockquote", "", secret.source));
    box.hidden = false;
  }

  function clearResults() {
    containers.forEach(function (container) {
      container.removeAttribute("data-result");
      var box = container.querySelector("[data-feedback]");
      box.hidden = true;
      box.textContent = "";
      all(container, ".tag").forEach(function (tag) { tag.remove(); });
      all(container, ".is-answer, .is-chosen").forEach(function (label) {
        label.classList.remove("is-answer", "is-chosen");
      });
      all(container, "[aria-invalid]").forEach(function (input) {
        input.removeAttribute("aria-invalid");
      });
      all(container, "[data-mark]").forEach(function (mark) {
        mark.textContent = "";
        mark.className = "mark";
      });
    });
  }

  function check() {
    clearResults();
    var correct = 0;
    containers.forEach(function (container) {
      var question = data.questions[container.getAttribute("data-question-id")];
      var secret = reveal(question.salt, question.secret);
      var ok = grade(container, question, secret);
      if (ok) correct += 1;
      container.setAttribute("data-result", ok ? "correct" : "incorrect");
      showFeedback(container, ok, secret);
    });
    var total = containers.length;
    scoreText.hidden = false;
    scoreElement.textContent = correct + " / " + total;
    scoreElement.setAttribute("data-correct", String(correct));
    scoreElement.setAttribute("data-total", String(total));
    scoreNote.textContent = correct === total
      ? " — every answer is right."
      : " — the questions marked Incorrect show the right answer.";
    resetButton.hidden = false;
    try {
      window.parent.postMessage({
        type: "quizgen:score",
        bank: data.bank,
        version: data.version,
        correct: correct,
        total: total
      }, "*");
    } catch (error) {
      // A page that cannot reach its parent still grades.
    }
  }

  function reset() {
    clearResults();
    all(document, 'input[type="radio"]').forEach(function (radio) { radio.checked = false; });
    all(document, 'input[type="text"]').forEach(function (input) { input.value = ""; });
    all(document, "select").forEach(function (select) { select.selectedIndex = 0; });
    all(document, "ol.order").forEach(function (list) {
      all(list, ".order-item")
        .sort(function (x, y) { return x.getAttribute("data-start") - y.getAttribute("data-start"); })
        .forEach(function (item) { list.appendChild(item); });
    });
    scoreText.hidden = true;
    scoreElement.textContent = "";
    scoreElement.removeAttribute("data-correct");
    scoreElement.removeAttribute("data-total");
    scoreNote.textContent = "";
    var first = containers.length ? containers[0].querySelector("input, select, button") : null;
    if (first) first.focus();
    resetButton.hidden = true;
    announce("Your answers were cleared.");
  }

  function move(button) {
    var item = button.closest(".order-item");
    var list = item.parentNode;
    var up = button.getAttribute("data-move") === "up";
    var text = item.getAttribute("data-value");
    var neighbour = up ? item.previousElementSibling : item.nextElementSibling;
    if (!neighbour) {
      announce(text + " is already " + (up ? "first." : "last."));
      return;
    }
    if (up) list.insertBefore(item, neighbour);
    else list.insertBefore(neighbour, item);
    button.focus();
    var items = all(list, ".order-item");
    announce(text + ": position " + (items.indexOf(item) + 1) + " of " + items.length + ".");
  }

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    var button = target.closest("[data-move]");
    if (button) move(button);
  });
  checkButton.addEventListener("click", check);
  resetButton.addEventListener("click", reset);
})();
