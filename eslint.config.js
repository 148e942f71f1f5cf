// ESLint over the TypeScript sources: the recommended rules of ESLint and typescript-eslint.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "output/", "output.*/", "tests/fixtures/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // An underscore marks a binding kept only to leave it out: ({ line: _line, ...rest }).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    // A spread argument puts every element on the stack: a few hundred thousand (problems of a
    // broken sheet, number words of a long text) overflow it ("Maximum call stack size exceeded").
    // Loop, reduce, or use d3's max/min instead; tests may spread what they make themselves.
    files: ["pipeline/**/*.ts", "charts/**/*.ts", "bench/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression > SpreadElement, NewExpression > SpreadElement",
          message:
            "No spread of an array into a call: a long one overflows the stack. Loop (for … of) or use d3's max/min.",
        },
      ],
    },
  },
);
