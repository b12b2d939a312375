/* quizgen: the SCORM side of a packaged quiz. Inlined into the package's index.html after
 * grading.js and before quiz.js.
 *
 * It finds the LMS's API object (SCORM 1.2 "API", SCORM 2004 "API_1484_11") by the standard
 * search through parent frames and then the opener, initialises the session, picks the
 * learner's version from the learner id (a stable hash: the same learner always gets the same
 * version), puts that version's quiz on the page, and gives quiz.js a host: suspend data to
 * remember answers, and a record of the score, status and interactions on submission.
 * Without an LMS the page works on its own with the first version.
 */
(function () {
  "use strict";

  var configElement = document.getElementById("scorm-config");
  if (!configElement) return;
  var config = JSON.parse(configElement.textContent);
  var v12 = config.scorm === "1.2";
  var started = Date.now();

  /** The API object in ``win`` or one of its parents, or null (never more than 500 up). */
  function searchUp(win, name) {
    for (var level = 0; win && level < 500; level++) {
      try {
        if (win[name]) return win[name];
      } catch (error) {
        return null; // a frame of another origin: the search stops there
      }
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }

  function findApi(name) {
    var api = searchUp(window, name);
    if (!api && window.opener) api = searchUp(window.opener, name);
    return api;
  }

  function connect() {
    var api = findApi(v12 ? "API" : "API_1484_11");
    if (!api) return null;
    var lms = v12 ? {
      init: function () { return api.LMSInitialize(""); },
      get: function (key) { return String(api.LMSGetValue(key)); },
      set: function (key, value) { return api.LMSSetValue(key, String(value)); },
      commit: function () { return api.LMSCommit(""); },
      finish: function () { return api.LMSFinish(""); }
    } : {
      init: function () { return api.Initialize(""); },
      get: function (key) { return String(api.GetValue(key)); },
      set: function (key, value) { return api.SetValue(key, String(value)); },
      commit: function () { return api.Commit(""); },
      finish: function () { return api.Terminate(""); }
    };
    return String(lms.init()) === "true" ? lms : null;
  }

  var lms = connect();
  var finished = false;

  /** The version of a learner: SHA-256 of bank id and learner id, modulo the versions. */
  function versionFor(learner) {
    if (!learner) return config.versions[0];
    var digest = quizgenGrading.sha256(new TextEncoder().encode(config.bank + "\n" + learner));
    var number = ((digest[0] << 24) >>> 0) + (digest[1] << 16) + (digest[2] << 8) + digest[3];
    return config.versions[number % config.versions.length];
  }

  var learner = lms ? lms.get(v12 ? "cmi.core.student_id" : "cmi.learner_id") : "";
  var code = versionFor(learner);
  var page = document.querySelector(".page");
  var template = document.querySelector('template[data-version="' + code + '"]');
  var body = template.content.cloneNode(true);
  page.textContent = "";
  page.appendChild(body);
  document.documentElement.setAttribute("data-version", code);
  document.title = template.getAttribute("data-title");

  if (!lms) return;

  function sessionTime() {
    var seconds = Math.max(0, Math.round((Date.now() - started) / 1000));
    if (!v12) return "PT" + seconds + "S";
    var h = Math.floor(seconds / 3600), m = Math.floor(seconds / 60) % 60, s = seconds % 60;
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return (h < 1000 ? ("000" + h).slice(-4) : String(h)) + ":" + two(m) + ":" + two(s);
  }

  var status = v12 ? lms.get("cmi.core.lesson_status") : lms.get("cmi.completion_status");
  if (status === "not attempted" || status === "unknown" || status === "") {
    lms.set(v12 ? "cmi.core.lesson_status" : "cmi.completion_status", "incomplete");
  }
  lms.set(v12 ? "cmi.core.exit" : "cmi.exit", "suspend");
  lms.commit();

  function letters(cells) {
    return cells.map(function (cell) { return cell.toLowerCase(); });
  }

  /** The items' letters (a, b, ... as first shown) in the order the positions give. */
  function sequence(positions) {
    return positions
      .map(function (position, index) { return { position: Number(position), index: index }; })
      .sort(function (x, y) { return x.position - y.position; })
      .map(function (item) { return String.fromCharCode(97 + item.index); });
  }

  function decimal(text) {
    return /^-?[0-9]{1,5}(\.[0-9]{1,7})?$/.test(text) ? text : null;
  }

  /** One question as a SCORM interaction: type, learner response and correct pattern. */
  function interaction(q) {
    var list = v12 ? "," : "[,]";
    var pair = v12 ? "." : "[.]";
    if (q.type === "true_false") {
      var truth = function (cell) {
        var index = cell ? cell.charCodeAt(0) - 65 : -1;
        return index >= 0 ? q.choices[index].toLowerCase() : "";
      };
      return { type: "true-false", response: truth(q.cells[0]), pattern: truth(q.right[0]) };
    }
    if (q.type === "multiple_choice") {
      return { type: "choice", response: letters(q.cells)[0], pattern: letters(q.right)[0] };
    }
    if (q.type === "matching") {
      var pairs = function (cells) {
        return letters(cells).map(function (l, i) { return l ? (i + 1) + pair + l : ""; })
          .filter(Boolean).join(list);
      };
      return { type: "matching", response: pairs(q.cells), pattern: pairs(q.right) };
    }
    if (q.type === "ordering") {
      var answered = q.answered ? sequence(q.cells).join(list) : "";
      return { type: "sequencing", response: answered, pattern: sequence(q.right).join(list) };
    }
    if (q.type === "numeric") {
      // Numeric when the answer's range is a plain decimal; the learner's number is recorded
      // as typed in 1.2 and, when it is a decimal the runtime takes, in 2004.
      var low = decimal(String(Number(q.value) - Number(q.tolerance)));
      var high = decimal(String(Number(q.value) + Number(q.tolerance)));
      if (low !== null && high !== null) {
        var typed = (q.response[0] || "").trim();
        var number = quizgenGrading.parseNumber(typed) ? typed.replace(/[\s,_]+/g, "") : "";
        return {
          type: "numeric",
          response: v12 ? typed.slice(0, 255) : (decimal(number) || ""),
          pattern: v12 ? q.value : low + "[:]" + high
        };
      }
    }
    var text = q.cells.map(function (t) { return t.slice(0, 250); });
    return {
      type: "fill-in",
      response: text.every(function (t) { return t === ""; }) ? "" : text.join(list),
      pattern: q.right[0].slice(0, 250)
    };
  }

  function record(outcome) {
    var percent = outcome.total ? Math.round(10000 * outcome.correct / outcome.total) / 100 : 0;
    var passed = percent >= config.passMark;
    outcome.questions.forEach(function (q, n) {
      var item = interaction(q);
      var base = "cmi.interactions." + n + ".";
      lms.set(base + "id", q.id);
      lms.set(base + "type", item.type);
      if (item.response !== "") {
        lms.set(base + (v12 ? "student_response" : "learner_response"), item.response);
      }
      lms.set(base + "correct_responses.0.pattern", item.pattern);
      lms.set(base + "result", q.ok ? "correct" : (v12 ? "wrong" : "incorrect"));
    });
    if (v12) {
      lms.set("cmi.core.score.raw", percent);
      lms.set("cmi.core.score.min", 0);
      lms.set("cmi.core.score.max", 100);
      lms.set("cmi.core.lesson_status", passed ? "passed" : "failed");
      lms.set("cmi.core.session_time", sessionTime());
      lms.set("cmi.core.exit", "");
    } else {
      lms.set("cmi.score.raw", percent);
      lms.set("cmi.score.min", 0);
      lms.set("cmi.score.max", 100);
      lms.set("cmi.score.scaled", outcome.total ? outcome.correct / outcome.total : 0);
      lms.set("cmi.success_status", passed ? "passed" : "failed");
      lms.set("cmi.completion_status", "completed");
      lms.set("cmi.session_time", sessionTime());
      lms.set("cmi.exit", "normal");
    }
    lms.commit();
  }

  function finish() {
    if (finished) return;
    finished = true;
    if (!submittedHere) lms.set(v12 ? "cmi.core.session_time" : "cmi.session_time", sessionTime());
    lms.commit();
    lms.finish();
  }

  var submittedHere = false;
  window.quizgenHost = {
    store: {
      load: function () {
        try {
          var text = lms.get("cmi.suspend_data");
          return text ? JSON.parse(text) : null;
        } catch (error) {
          return null;
        }
      },
      save: function (state) {
        lms.set("cmi.suspend_data", JSON.stringify(state));
        lms.commit();
      }
    },
    submitted: function (outcome) {
      if (outcome.restoring) return;
      submittedHere = true;
      record(outcome);
    }
  };
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
})();
