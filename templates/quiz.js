/* quizgen: grades the quiz page in the browser. Inlined into every quiz-X.html, after
 * grading.js (the answer matching: quizgenGrading) and responses.js (quizgenResponses).
 *
 * The page holds no answer in plain text. Each response slot carries salted SHA-256 hashes
 * of its accepted responses; what is shown after grading is XOR-obfuscated. The same
 * functions exist in Python (quizgen/render/html_secret.py). This deters peeking at the
 * source; it is not security.
 */
(function () {
  "use strict";

  var G = quizgenGrading;
  var accepted = G.accepted;
  var reveal = G.reveal;

  // ---------------------------------------------------------------------------------------

  var dataElement = document.getElementById("quiz-data");
  if (!dataElement) return;
  var data = JSON.parse(dataElement.textContent);
  var host = window.quizgenHost || null;
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

  // Runs of a script that names its language (as quizgen/render/html_lang.py marks them).
  var LANG_RUNS = [
    ["ko", "\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7a3\ud7b0-\ud7ff"],
    ["ja", "\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff"],
    ["th", "\u0e00-\u0e7f"],
    ["ka", "\u10a0-\u10ff"],
    ["hy", "\u0530-\u058f"]
  ];
  var pageLang = (document.documentElement.lang || "").split("-")[0].toLowerCase();
  var langRuns = new RegExp(LANG_RUNS.map(function (pair) {
    return "([" + pair[1] + "]+(?:[ \u00a0\u00b7,.!?'\u2019-]+[" + pair[1] + "]+)*)";
  }).join("|"), "g");

  /** Append ``text`` to ``node``, runs of another script in a span with their lang. */
  function appendText(node, text) {
    var last = 0;
    text.replace(langRuns, function (match) {
      var offset = arguments[arguments.length - 2];
      var lang = null;
      for (var g = 1; g <= LANG_RUNS.length; g++) if (arguments[g]) lang = LANG_RUNS[g - 1][0];
      if (lang === pageLang) return match;
      node.appendChild(document.createTextNode(text.slice(last, offset)));
      var span = node.appendChild(document.createElement("span"));
      span.lang = lang;
      span.textContent = match;
      last = offset + match.length;
      return match;
    });
    node.appendChild(document.createTextNode(text.slice(last)));
    return node;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) appendText(node, text);
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
      ok = G.gradeTyped(question, 0, input.value, secret.value, secret.tolerance);
      markInput(input, ok);
      return ok;
    }
    var slots;
    if (type === "cloze") {
      slots = all(container, "input.blank").map(function (input, i) {
        var right = G.gradeTyped(question, i, input.value);
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

  // Feedback ---------------------------------------------------------------------------------

  var mode = data.mode === "test" ? "test" : "practice";
  var showAnswers = mode === "practice" || data.reveal !== "never";
  var submitted = false;
  var posted = false;
  var confirmDialog = document.querySelector("[data-confirm]");

  function questionOf(container) {
    return data.questions[container.getAttribute("data-question-id")];
  }

  function secretOf(container) {
    var question = questionOf(container);
    return reveal(question.salt, question.secret);
  }

  function showFeedback(container, verdict, secret) {
    var box = container.querySelector("[data-feedback]");
    box.textContent = "";
    if (verdict) {
      var line = box.appendChild(element("p", "verdict"));
      var icon = { correct: "✓", incorrect: "✗", unanswered: "–" }[verdict];
      line.appendChild(element("span", "icon", icon)).setAttribute("aria-hidden", "true");
      line.appendChild(document.createTextNode(
        { correct: "Correct", incorrect: "Incorrect", unanswered: "Not answered" }[verdict]));
    }
    if (secret) {
      var answer = secret.answer;
      if (answer.style === "text") {
        var text = box.appendChild(element("p", "answer"));
        text.appendChild(element("span", "label", "Answer: "));
        appendText(text, answer.lines.join(" "));
      } else {
        box.appendChild(element("p", "answer label", "Answer:"));
        var list = box.appendChild(element(answer.style, "answer-list"));
        answer.lines.forEach(function (item) { list.appendChild(element("li", "", item)); });
      }
      if (answer.also.length) {
        var also = box.appendChild(element("p", "also"));
        also.appendChild(element("span", "label", "Also accepted: "));
        appendText(also, answer.also.join("; "));
      }
      box.appendChild(element("p", "explanation", secret.explanation));
      var source = box.appendChild(element("figure", "source"));
      source.appendChild(element("figcaption", "", "From the article"));
      source.appendChild(element("blockquote", "", secret.source));
    }
    box.hidden = !box.firstChild;
  }

  /** Remove a question's marks, tags, verdict and shown answer. */
  function clearQuestion(container) {
    container.removeAttribute("data-result");
    container.removeAttribute("data-revealed");
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
  }

  /** The right choice's tag shows only when the answer is shown. */
  function hideAnswerTags(container) {
    all(container, ".tag-answer").forEach(function (tag) { tag.remove(); });
    all(container, ".is-answer").forEach(function (label) { label.classList.remove("is-answer"); });
  }

  var R = quizgenResponses;
  var responseOf = R.responseOf;
  var cellsOf = R.cellsOf;
  var rightCellsOf = R.rightCellsOf;
  var applyCells = R.applyCells;
  var isAnswered = R.isAnswered;

  function allCells() {
    var out = {};
    containers.forEach(function (container) {
      out[container.getAttribute("data-question-id")] = cellsOf(container);
    });
    return out;
  }

  // Where the attempt is remembered: the LMS when there is one, else this browser's storage.
  var storageKey = "quizgen:" + data.bank + ":" + data.version + ":" + data.seed;
  var store = host && host.store ? host.store : {
    load: function () {
      try {
        var text = window.localStorage.getItem(storageKey);
        return text ? JSON.parse(text) : null;
      } catch (error) {
        return null;  // storage refused (private mode, sandbox): the page still works
      }
    },
    save: function (state) {
      try {
        window.localStorage.setItem(storageKey, JSON.stringify(state));
      } catch (error) {
        // Not remembered; nothing else changes.
      }
    }
  };

  function remember() {
    if (mode !== "test") return;
    var touched = containers.filter(function (c) { return c.hasAttribute("data-touched"); })
      .map(function (c) { return c.getAttribute("data-question-id"); });
    store.save({ submitted: submitted, cells: allCells(), touched: touched });
  }

  // Grading --------------------------------------------------------------------------------

  /** Grade one question and show its verdict; the answer too when ``withAnswer``. */
  function gradeOne(container, withAnswer) {
    clearQuestion(container);
    var secret = secretOf(container);
    var answered = isAnswered(container);
    var ok = grade(container, questionOf(container), secret) && answered;
    container.setAttribute("data-result", ok ? "correct" : "incorrect");
    var verdict = answered ? (ok ? "correct" : "incorrect") : "unanswered";
    if (!withAnswer) hideAnswerTags(container);
    else container.setAttribute("data-revealed", "");
    showFeedback(container, verdict, withAnswer ? secret : null);
    return { ok: ok, answered: answered, secret: secret };
  }

  function showScore(correct, total, note) {
    scoreText.hidden = false;
    scoreElement.textContent = correct + " / " + total;
    scoreElement.setAttribute("data-correct", String(correct));
    scoreElement.setAttribute("data-total", String(total));
    scoreNote.textContent = note;
  }

  function clearScore() {
    scoreText.hidden = true;
    scoreElement.textContent = "";
    scoreElement.removeAttribute("data-correct");
    scoreElement.removeAttribute("data-total");
    scoreNote.textContent = "";
  }

  function postScore(correct, total) {
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

  /** Practice: grade every question; answers show for the questions answered. */
  function checkAll() {
    var correct = 0;
    var unanswered = 0;
    containers.forEach(function (container) {
      var answered = isAnswered(container);
      var result = gradeOne(container, answered);
      if (result.ok) correct += 1;
      if (!answered) unanswered += 1;
    });
    var total = containers.length;
    var note = correct === total
      ? " — every answer is right."
      : " — the questions marked Incorrect show the right answer.";
    if (unanswered) {
      note += " " + unanswered + " not answered: use Show answer to see " +
        (unanswered === 1 ? "its answer." : "their answers.");
    }
    showScore(correct, total, note);
    resetButton.hidden = false;
    postScore(correct, total);
  }

  function unansweredNumbers() {
    return containers.filter(function (c) { return !isAnswered(c); }).map(function (c) {
      return c.querySelector(".qnum").firstChild.textContent;
    });
  }

  /** Test: ask first when questions are unanswered, then submit once. */
  function requestSubmit() {
    if (submitted) return;
    var missing = unansweredNumbers();
    if (!missing.length) {
      submit(false);
      return;
    }
    var list = confirmDialog.querySelector("[data-confirm-list]");
    list.textContent = "";
    missing.forEach(function (number) {
      var item = list.appendChild(element("li"));
      var link = item.appendChild(element("a", "", "Question " + number));
      link.href = "#q" + number;
      link.setAttribute("data-goto", "q" + number);
    });
    confirmDialog.querySelector("[data-confirm-count]").textContent = missing.length === 1
      ? "1 question is not answered:"
      : missing.length + " questions are not answered:";
    confirmDialog.showModal();
    confirmDialog.querySelector('[data-action="cancel"]').focus();
  }

  /** Test: grade once, lock every control, post the score once. */
  function submit(restoring) {
    if (submitted) return;
    submitted = true;
    var correct = 0;
    var outcomes = containers.map(function (container) {
      var result = gradeOne(container, showAnswers);
      if (!showAnswers) clearQuestion(container);
      container.setAttribute("data-result", result.ok ? "correct" : "incorrect");
      if (result.ok) correct += 1;
      return {
        id: container.getAttribute("data-question-id"),
        type: container.getAttribute("data-type"),
        number: Number(container.querySelector(".qnum").firstChild.textContent),
        response: responseOf(container),
        choices: all(container, 'input[type="radio"]').map(function (r) { return r.value; }),
        cells: cellsOf(container),
        right: rightCellsOf(container, questionOf(container), result.secret),
        value: result.secret.value,
        tolerance: result.secret.tolerance,
        ok: result.ok,
        answered: result.answered
      };
    });
    var controls = "[data-question-id] input, [data-question-id] select, " +
      "[data-question-id] button, .actions button";
    all(document, controls).forEach(function (control) {
      control.disabled = true;
    });
    document.documentElement.setAttribute("data-submitted", "");
    var total = containers.length;
    showScore(correct, total, showAnswers
      ? " — final. The questions marked Incorrect show the right answer."
      : " — final.");
    checkButton.textContent = "Submitted";
    remember();
    var outcome = { correct: correct, total: total, questions: outcomes, restoring: restoring };
    if (!restoring && !posted) {
      posted = true;
      postScore(correct, total);
    }
    if (host && host.submitted) host.submitted(outcome);
    if (window.quizgenResultCode) window.quizgenResultCode(data, outcome);
    if (!restoring) announce("Your answers were submitted. Score " + correct + " of " + total + ".");
  }

  function reset() {
    containers.forEach(clearQuestion);
    all(document, 'input[type="radio"]').forEach(function (radio) { radio.checked = false; });
    all(document, 'input[type="text"]').forEach(function (input) { input.value = ""; });
    all(document, "select").forEach(function (select) { select.selectedIndex = 0; });
    all(document, "ol.order").forEach(function (list) {
      all(list, ".order-item")
        .sort(function (x, y) { return x.getAttribute("data-start") - y.getAttribute("data-start"); })
        .forEach(function (item) { list.appendChild(item); });
    });
    containers.forEach(function (c) { c.removeAttribute("data-touched"); });
    clearScore();
    var first = containers.length ? containers[0].querySelector("input, select, button") : null;
    if (first) first.focus();
    resetButton.hidden = true;
    announce("Your answers were cleared.");
  }

  /** An answer changed: its old marks no longer hold, nor does the score. */
  function changed(container) {
    if (submitted) return;
    if (container.hasAttribute("data-result") || container.hasAttribute("data-revealed")) {
      clearQuestion(container);
    }
    if (scoreElement.hasAttribute("data-correct")) clearScore();
    remember();
  }

  function move(button) {
    var item = button.closest(".order-item");
    var list = item.parentNode;
    var up = button.getAttribute("data-move") === "up";
    var text = item.getAttribute("data-value");
    var neighbour = up ? item.previousElementSibling : item.nextElementSibling;
    var container = button.closest("[data-question-id]");
    container.setAttribute("data-touched", "");
    if (!neighbour) {
      announce(text + " is already " + (up ? "first." : "last."));
      changed(container);
      return;
    }
    if (up) list.insertBefore(item, neighbour);
    else list.insertBefore(neighbour, item);
    button.focus();
    var items = all(list, ".order-item");
    changed(container);
    announce(text + ": position " + (items.indexOf(item) + 1) + " of " + items.length + ".");
  }

  function onQuestionAction(button) {
    var container = button.closest("[data-question-id]");
    var action = button.getAttribute("data-action");
    if (action === "check-one") {
      var result = gradeOne(container, false);
      announce("Question " + container.querySelector(".qnum").firstChild.textContent + ": " +
        (result.answered ? (result.ok ? "correct." : "incorrect.") : "not answered."));
    } else if (action === "show-answer") {
      var checked = container.hasAttribute("data-result");
      if (checked) {
        gradeOne(container, true);
      } else {
        clearQuestion(container);
        container.setAttribute("data-revealed", "");
        showFeedback(container, null, secretOf(container));
      }
      container.querySelector("[data-feedback]").focus();
    }
  }

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    var button = target.closest("[data-move]");
    if (button && !submitted) {
      move(button);
      return;
    }
    var action = target.closest("[data-question-id] [data-action]");
    if (action && !submitted) onQuestionAction(action);
    var goto = target.closest("[data-goto]");
    if (goto) {
      event.preventDefault();
      confirmDialog.close();
      var box = document.getElementById(goto.getAttribute("data-goto"));
      box.scrollIntoView();
      var field = box.querySelector("input, select, button");
      if (field) field.focus();
    }
  });
  ["input", "change"].forEach(function (kind) {
    document.addEventListener(kind, function (event) {
      var target = event.target instanceof Element ? event.target : null;
      var container = target && target.closest("[data-question-id]");
      if (container) changed(container);
    });
  });

  if (mode === "test") {
    confirmDialog.querySelector('[data-action="submit"]').addEventListener("click", function () {
      confirmDialog.close();
      submit(false);
    });
    confirmDialog.querySelector('[data-action="cancel"]').addEventListener("click", function () {
      confirmDialog.close();
      checkButton.focus();
    });
    checkButton.addEventListener("click", requestSubmit);
    var saved = store.load();
    if (saved && saved.cells) {
      containers.forEach(function (container) {
        var id = container.getAttribute("data-question-id");
        applyCells(container, saved.cells[id]);
        if (!saved.touched || saved.touched.indexOf(id) < 0) container.removeAttribute("data-touched");
      });
      if (saved.submitted) submit(true);
    }
  } else {
    checkButton.addEventListener("click", checkAll);
    resetButton.addEventListener("click", reset);
  }
})();
