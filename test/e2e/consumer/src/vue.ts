import type {} from "review-widgets/vue";
import "review-widgets/define";
import { configure } from "review-widgets";
import { createApp } from "vue";
import { API_BASE } from "./api.ts";
import Reviews from "./Reviews.vue";

configure({ apiBase: API_BASE });
createApp(Reviews).mount("#app");
