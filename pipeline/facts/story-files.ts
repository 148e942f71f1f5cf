/** The files of a story folder, by the names every stage and message uses. */
export const ARTICLE = "article.txt";
export const FIGURES = "figures.csv";
export const CHARTS = "charts.json";
export const CORRECTIONS = "corrections.csv";
