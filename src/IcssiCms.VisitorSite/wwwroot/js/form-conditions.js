// Umbraco Forms' conditions, in the browser: a field or fieldset with a condition is shown or hidden as the
// visitor fills the form in. Without script every field shows, and the hub ignores values of hidden fields.
(function () {
    "use strict";

    function valuesOf(form, fieldId) {
        var wrapper = form.querySelector('[data-field-id="' + fieldId + '"]');
        if (!wrapper) { return []; }
        return Array.prototype.filter.call(wrapper.querySelectorAll("input, select, textarea"), function (input) {
            return (input.type !== "checkbox" && input.type !== "radio") || input.checked;
        }).map(function (input) { return (input.value || "").trim(); }).filter(function (value) { return value !== ""; });
    }

    function holds(rule, values) {
        var joined = values.join(", ");
        var op = rule.operator;
        var ignoreCase = /IgnoreCase$/.test(op);
        if (ignoreCase) { op = op.slice(0, -"IgnoreCase".length); }
        var a = ignoreCase ? joined.toLowerCase() : joined;
        var b = ignoreCase ? String(rule.value).toLowerCase() : String(rule.value);
        var same = values.some(function (v) { return v.toLowerCase() === String(rule.value).toLowerCase(); });
        switch (op) {
            case "Is": return same;
            case "IsNot": return !same;
            case "GreaterThen": return parseFloat(joined) > parseFloat(rule.value);
            case "LessThen": return parseFloat(joined) < parseFloat(rule.value);
            case "Contains": return a.indexOf(b) >= 0;
            case "NotContains": return a.indexOf(b) < 0;
            case "StartsWith": return a.indexOf(b) === 0;
            case "NotStartsWith": return a.indexOf(b) !== 0;
            case "EndsWith": return a.length >= b.length && a.slice(a.length - b.length) === b;
            case "NotEndsWith": return !(a.length >= b.length && a.slice(a.length - b.length) === b);
            default: return false;
        }
    }

    function isShown(form, condition) {
        var results = condition.rules.map(function (rule) { return holds(rule, valuesOf(form, rule.field)); });
        var met = condition.logicType === "Any" ? results.some(Boolean) : results.every(Boolean);
        return condition.actionType === "Show" ? met : !met;
    }

    function apply(form) {
        form.querySelectorAll("[data-condition]:not([data-condition=\"\"])").forEach(function (element) {
            var shown = isShown(form, JSON.parse(element.getAttribute("data-condition")));
            element.hidden = !shown;
            element.querySelectorAll("input, select, textarea").forEach(function (input) { input.disabled = !shown; });
        });
    }

    document.querySelectorAll("form.hub-form").forEach(function (form) {
        apply(form);
        form.addEventListener("change", function () { apply(form); });
        form.addEventListener("input", function () { apply(form); });
    });

    var summary = document.getElementById("form-errors") || document.getElementById("form-result");
    if (summary) { summary.focus(); }
})();
