/* quizgen: what a student answered in one question, read from and written back to the page.
 * Inlined into quiz pages after grading.js and before quiz.js (as quizgenResponses).
 */
var quizgenResponses = (function () {
  "use strict";

  var accepted = quizgenGrading.accepted;

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  /** What the student gave in one question: one string per slot ("" when empty). */
  function responseOf(container) {
    var type = container.getAttribute("data-type");
    if (type === "multiple_choice" || type === "true_false") {
      var checked = container.querySelector('input[type="radio"]:checked');
      return [checked ? checked.value : ""];
    }
    if (type === "ordering") {
      return all(container, ".order-item").map(function (item) {
        return item.getAttribute("data-value");
      });
    }
    return all(container, 'input[type="text"], select').map(function (field) {
      return field.value;
    });
  }

  function letterOf(index) {
    return index < 0 ? "" : String.fromCharCode(65 + index);
  }

  function indexOfLetter(cell) {
    return cell && cell.length === 1 ? cell.charCodeAt(0) - 65 : -1;
  }

  /**
   * A question's response as results.csv cells: a choice's printed letter; a match's option
   * letter per item; an ordering's position (1 = first) of each item in the order first
   * shown; typed text as typed. Compact enough for SCORM suspend data and result codes.
   */
  function cellsOf(container) {
    var type = container.getAttribute("data-type");
    if (type === "multiple_choice" || type === "true_false") {
      return [letterOf(all(container, 'input[type="radio"]').findIndex(function (r) {
        return r.checked;
      }))];
    }
    if (type === "matching") {
      return all(container, "select").map(function (s) { return letterOf(s.selectedIndex - 1); });
    }
    if (type === "ordering") {
      var items = all(container, ".order-item");
      var cells = items.map(function () { return ""; });
      items.forEach(function (item, position) {
        cells[Number(item.getAttribute("data-start"))] = String(position + 1);
      });
      return cells;
    }
    return responseOf(container);
  }

  /** The right response in the same cells as ``cellsOf``. */
  function rightCellsOf(container, question, secret) {
    var type = container.getAttribute("data-type");
    if (type === "multiple_choice" || type === "true_false") {
      return [letterOf(all(container, 'input[type="radio"]').findIndex(function (r) {
        return accepted(question, 0, r.value);
      }))];
    }
    if (type === "matching") {
      return all(container, "select").map(function (select, slot) {
        return letterOf(Array.prototype.slice.call(select.options, 1).findIndex(function (o) {
          return accepted(question, slot, o.value);
        }));
      });
    }
    if (type === "ordering") {
      var items = all(container, ".order-item");
      var cells = items.map(function () { return ""; });
      items.forEach(function (item) {
        var value = item.getAttribute("data-value");
        for (var slot = 0; slot < items.length; slot++) {
          if (accepted(question, slot, value)) {
            cells[Number(item.getAttribute("data-start"))] = String(slot + 1);
          }
        }
      });
      return cells;
    }
    return secret.answer.lines.slice(0, 1);
  }

  /** Put saved cells back (the inverse of cellsOf). */
  function applyCells(container, cells) {
    var type = container.getAttribute("data-type");
    if (!Array.isArray(cells)) return;
    if (type === "multiple_choice" || type === "true_false") {
      all(container, 'input[type="radio"]').forEach(function (radio, i) {
        radio.checked = i === indexOfLetter(cells[0]);
      });
    } else if (type === "matching") {
      all(container, "select").forEach(function (select, i) {
        var index = indexOfLetter(cells[i]);
        if (index >= 0 && index + 1 < select.options.length) select.selectedIndex = index + 1;
      });
    } else if (type === "ordering") {
      var list = container.querySelector("ol.order");
      all(list, ".order-item")
        .sort(function (x, y) {
          return cells[x.getAttribute("data-start")] - cells[y.getAttribute("data-start")];
        })
        .forEach(function (item) { list.appendChild(item); });
      container.setAttribute("data-touched", "");
    } else {
      all(container, 'input[type="text"]').forEach(function (field, i) {
        if (typeof cells[i] === "string") field.value = cells[i];
      });
    }
  }

  /** Whether every slot of a question has an answer (an ordering: once an item was moved). */
  function isAnswered(container) {
    if (container.getAttribute("data-type") === "ordering") {
      return container.hasAttribute("data-touched");
    }
    return responseOf(container).every(function (value) { return value.trim() !== ""; });
  }

  return {
    responseOf: responseOf,
    cellsOf: cellsOf,
    rightCellsOf: rightCellsOf,
    applyCells: applyCells,
    isAnswered: isAnswered
  };
})();
