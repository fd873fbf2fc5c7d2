import type { BackendModule } from "../backends.js";
import { MindbricksSource } from "./source.js";

export const createSource: BackendModule["createSource"] = ({ apiBase }, http) => new MindbricksSource(apiBase, http);
