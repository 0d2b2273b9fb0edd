/**
 * Types of the Kith REST API, generated from /api/openapi.json by `npm run gen:api`.
 * Do not edit: change the route schemas and regenerate.
 */

export interface paths {
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password (sets the session cookie) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: "staff" | "api_key";
                            id: number;
                            label: string;
                            name: string | null;
                            role?: "owner" | "admin" | "operator" | "analyst" | "community_manager";
                            communityIds: number[] | null;
                            permissions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether first-run setup is needed (no staff account exists yet) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description True while no staff account exists */
                            needed: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create the owner with the one-time token of the setup link, and sign in as the owner (sets the session cookie) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The one-time token of the setup link `kith start` printed */
                        token: string;
                        email: string;
                        name: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: "staff" | "api_key";
                            id: number;
                            label: string;
                            name: string | null;
                            role?: "owner" | "admin" | "operator" | "analyst" | "community_manager";
                            communityIds: number[] | null;
                            permissions: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out (ends this session) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who am I, and what may I do */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: "staff" | "api_key";
                            id: number;
                            label: string;
                            name: string | null;
                            role?: "owner" | "admin" | "operator" | "analyst" | "community_manager";
                            communityIds: number[] | null;
                            permissions: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change my password (other sessions are signed out) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List staff accounts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["def-1"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a staff account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        name: string;
                        role: "owner" | "admin" | "operator" | "analyst" | "community_manager";
                        password: string;
                        communityIds?: number[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            email: string;
                            name: string;
                            role: "owner" | "admin" | "operator" | "analyst" | "community_manager";
                            disabled: boolean;
                            communityIds: number[];
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a staff account: name, role, disabled, assigned communities */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        role?: "owner" | "admin" | "operator" | "analyst" | "community_manager";
                        disabled?: boolean;
                        communityIds?: number[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            email: string;
                            name: string;
                            role: "owner" | "admin" | "operator" | "analyst" | "community_manager";
                            disabled: boolean;
                            communityIds: number[];
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API keys (never their secret) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["def-2"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an API key; the key is shown in this response only */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        scopes: ("members:read" | "members:write" | "members:merge" | "members:erase" | "members:export" | "members:contact" | "members:data_request" | "communities:read" | "communities:write" | "communities:create" | "activities:read" | "activities:write" | "imports:write" | "staff:manage" | "api_keys:manage" | "audit:read" | "loyalty:read" | "loyalty:manage" | "loyalty:adjust" | "loyalty:approve" | "member_sessions:issue" | "analytics:read" | "analytics:compute")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            key: string;
                            apiKey: components["schemas"]["def-2"];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit log of every staff and API-key write, newest first */
        get: {
            parameters: {
                query?: {
                    actorType?: "staff" | "api_key" | "system";
                    actorId?: number;
                    /** @description Exact action, or a prefix ending in .* (e.g. member.*) */
                    action?: string;
                    targetType?: string;
                    targetId?: string;
                    from?: string;
                    to?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                actorType: string;
                                actorId: number | null;
                                actorLabel: string;
                                action: string;
                                targetType: string;
                                targetId: string | null;
                                before: unknown;
                                after: unknown;
                                requestId: string | null;
                                /** Format: date-time */
                                occurredAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}/member-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a member-centre token for a member (after the integration signed them in); shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 30 */
                        days?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            token: string;
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
            };
        };
        /** End all of a member's member-centre sessions */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/communities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List communities with member counts (archived ones hidden unless asked for) */
        get: {
            parameters: {
                query?: {
                    /** @description Where the community lives */
                    channel?: "wechat" | "wecom" | "qq" | "forum" | "email" | "weibo" | "douyin" | "kuaishou" | "dingtalk" | "slack" | "discord" | "other";
                    /** @description Positioning: product 产品型, interest 兴趣型, knowledge 知识型 */
                    positioningType?: "product" | "interest" | "knowledge";
                    /** @description Positioning: product 产品型, interest 兴趣型, knowledge 知识型 */
                    type?: "product" | "interest" | "knowledge";
                    /** @description Goal: after-sales 售后服务, product feedback 产品反馈, interaction 用户互动, brand 品牌推广 */
                    goal?: "after_sales" | "product_feedback" | "interaction" | "brand";
                    /** @description Stage: launch 建立前期, growth 成长期, mature 沉淀期 */
                    stage?: "launch" | "growth" | "mature";
                    /** @description Archived communities: false (default) hides them, true shows only them, all shows both */
                    archived?: "false" | "true" | "all";
                    /** @description Search in name, description and external id */
                    q?: string;
                    /** @description A day (YYYY-MM-DD, in the workspace time zone) or a date-time; default 30 days back */
                    from?: string;
                    /** @description A day, included whole, or a date-time, excluded; default today */
                    to?: string;
                    /** @description Opaque cursor from the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                name: string;
                                /**
                                 * @description Where the community lives
                                 * @enum {unknown}
                                 */
                                channel: "wechat" | "wecom" | "qq" | "forum" | "email" | "weibo" | "douyin" | "kuaishou" | "dingtalk" | "slack" | "discord" | "other";
                                /**
                                 * @description Positioning: product 产品型, interest 兴趣型, knowledge 知识型
                                 * @enum {unknown}
                                 */
                                positioningType: "product" | "interest" | "knowledge";
                                /**
                                 * @description Goal: after-sales 售后服务, product feedback 产品反馈, interaction 用户互动, brand 品牌推广
                                 * @enum {unknown}
                                 */
                                goal: "after_sales" | "product_feedback" | "interaction" | "brand";
                                /**
                                 * @description Stage: launch 建立前期, growth 成长期, mature 沉淀期
                                 * @enum {unknown}
                                 */
                                stage: "launch" | "growth" | "mature";
                                description: string;
                                rules: string;
                                capacity: number | null;
                                externalId: string | null;
                                owner: {
                                    staffId: number | null;
                                    memberId: number | null;
                                    /**
                                     * @description owner 群主 or admin 管理员
                                     * @enum {unknown}
                                     */
                                    role: "owner" | "admin";
                                    name: string | null;
                                } | null;
                                admins: {
                                    staffId: number | null;
                                    memberId: number | null;
                                    /**
                                     * @description owner 群主 or admin 管理员
                                     * @enum {unknown}
                                     */
                                    role: "owner" | "admin";
                                    name: string | null;
                                }[];
                                archived: boolean;
                                archivedAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                /** @description Members in the community now */
                                membersNow: number;
                                capacityUsePercent: number | null;
                                /** @description Joins within the period */
                                joined: number;
                                /** @description Leaves within the period */
                                left: number;
                            }[];
                            nextCursor: string | null;
                            /** @description The period counted: from inclusive, to exclusive */
                            period: {
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                to: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a community */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /**
                         * @description Where the community lives
                         * @enum {unknown}
                         */
                        channel: "wechat" | "wecom" | "qq" | "forum" | "email" | "weibo" | "douyin" | "kuaishou" | "dingtalk" | "slack" | "discord" | "other";
                        /**
                         * @description Positioning: product 产品型, interest 兴趣型, knowledge 知识型
                         * @enum {unknown}
                         */
                        positioningType: "product" | "interest" | "knowledge";
                        /**
                         * @description Goal: after-sales 售后服务, product feedback 产品反馈, interaction 用户互动, brand 品牌推广
                         * @enum {unknown}
                         */
                        goal: "after_sales" | "product_feedback" | "interaction" | "brand";
                        /**
                         * @description Stage: launch 建立前期, growth 成长期, mature 沉淀期
                         * @enum {unknown}
                         */
                        stage?: "launch" | "growth" | "mature";
                        description?: string;
                        /** @description Community rules 社群规则: speech norms, code of conduct, rewards and penalties */
                        rules?: string;
                        /** @description Most members at once (500 for a WeChat group); null = no limit */
                        capacity?: number | null;
                        externalId?: string | null;
                        owner?: {
                            staffId?: number;
                            memberId?: number;
                        } | null;
                        admins?: {
                            staffId?: number;
                            memberId?: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            /**
                             * @description Where the community lives
                             * @enum {unknown}
                             */
                            channel: "wechat" | "wecom" | "qq" | "forum" | "email" | "weibo" | "douyin" | "kuaishou" | "dingtalk" | "slack" | "discord" | "other";
                            /**
                             * @description Positioning: product 产品型, interest 兴趣型, knowledge 知识型
                             * @enum {unknown}
                             */
                            positioningType: "product" | "interest" | "knowledge";
                            /**
                             * @description Goal: after-sales 售后服务, product feedback 产品反馈, interaction 用户互动, brand 品牌推广
                             * @enum {unknown}
                             */
                            goal: "after_sales" | "product_feedback" | "interaction" | "brand";
                            /**
                             * @description Stage: launch 建立前期, growth 成长期, mature 沉淀期
                             * @enum {unknown}
                             */
                            stage: "launch" | "growth" | "mature";
                            description: string;
                            rules: string;
                            capacity: number | null;
                            externalId: string | null;
                            owner: {
                                staffId: number | null;
                                memberId: number | null;
                                /**
                                 * @description owner 群主 or admin 管理员
                                 * @enum {unknown}
                                 */
                                role: "owner" | "admin";
                                name: string | null;
                            } | null;
                            admins: {
                                staffId: number | null;
                                memberId: number | null;
                                /**
                                 * @description owner 群主 or admin 管理员
                                 * @enum {unknown}
                                 */
                                role: "owner" | "admin";
                                name: string | null;
                            }[];
                            archived: boolean;
                            archivedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/communities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One community, with member counts for a period */
        get: {
            parameters: {
                query?: {
                    /** @description A day (YYYY-MM-DD, in the workspace time zone) or a date-time; default 30 days back */
                    from?: string;
                    /** @description A day, included whole, or a date-time, excluded; default today */
                    to?: string;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            /**
                             * @description Where the community lives
                             * @enum {unknown}
                             */
                            channel: "wechat" | "wecom" | "qq" | "forum" | "email" | "weibo" | "douyin" | "kuaishou" | "dingtalk" | "slack" | "discord" | "other";
                            /**
                             * @description Positioning: product 产品型, interest 兴趣型, knowledge 知识型
                             * @enum {unknown}
                             */
                            positioningType: "product" | "interest" | "knowledge";
                            /**
                             * @description Goal: after-sales 售后服务, product feedback 产品反馈, interaction 用户互动, brand 品牌推广
                             * @enum {unknown}
                             */
                            goal: "after_sales" | "product_feedback" | "interaction" | "brand";
                            /**
                             * @description Stage: launch 建立前期, growth 成长期, mature 沉淀期
                             * @enum {unknown}
                             */
                            stage: "launch" | "growth" | "mature";
                            description: string;
                            rules: string;
                            capacity: number | null;
                            externalId: string | null;
                            owner: {
                                staffId: number | null;
                                memberId: number | null;
                                /**
                                 * @description owner 群主 or admin 管理员
                                 * @enum {unknown}
                                 */
                                role: "owner" | "admin";
                                name: string | null;
                            } | null;
                            admins: {
                                staffId: number | null;
                                memberId: number | null;
                                /**
                                 * @description owner 群主 or admin 管理员
                                 * @enum {unknown}
                                 */
                                role: "owner" | "admin";
                                name: string | null;
                            }[];
                            archived: boolean;
                            archivedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description Members in the community now */
                            membersNow: number;
                            capacityUsePercent: number | null;
                            /** @description Joins within the period */
                            joined: number;
                            /** @description Leaves within the period */
                            left: number;
                            /** @description The period counted: from inclusive, to exclusive */
                            period: {
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                to: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a community (owner and admins are replaced when given) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /**
                         * @description Where the community lives
                         * @enum {unknown}
                         */
                        channel?: "wechat" | "wecom" | "qq" | "forum" | "email" | "weibo" | "douyin" | "kuaishou" | "dingtalk" | "slack" | "discord" | "other";
                        /**
                         * @description Positioning: product 产品型, interest 兴趣型, knowledge 知识型
                         * @enum {unknown}
                         */
                        positioningType?: "product" | "interest" | "knowledge";
                        /**
                         * @description Goal: after-sales 售后服务, product feedback 产品反馈, interaction 用户互动, brand 品牌推广
                         * @enum {unknown}
                         */
                        goal?: "after_sales" | "product_feedback" | "interaction" | "brand";
                        /**
                         * @description Stage: launch 建立前期, growth 成长期, mature 沉淀期
                         * @enum {unknown}
                         */
                        stage?: "launch" | "growth" | "mature";
                        description?: string;
                        /** @description Community rules 社群规则: speech norms, code of conduct, rewards and penalties */
                        rules?: string;
                        /** @description Most members at once (500 for a WeChat group); null = no limit */
                        capacity?: number | null;
                        externalId?: string | null;
                        owner?: {
                            staffId?: number;
                            memberId?: number;
                        } | null;
                        admins?: {
                            staffId?: number;
                            memberId?: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            /**
                             * @description Where the community lives
                             * @enum {unknown}
                             */
                            channel: "wechat" | "wecom" | "qq" | "forum" | "email" | "weibo" | "douyin" | "kuaishou" | "dingtalk" | "slack" | "discord" | "other";
                            /**
                             * @description Positioning: product 产品型, interest 兴趣型, knowledge 知识型
                             * @enum {unknown}
                             */
                            positioningType: "product" | "interest" | "knowledge";
                            /**
                             * @description Goal: after-sales 售后服务, product feedback 产品反馈, interaction 用户互动, brand 品牌推广
                             * @enum {unknown}
                             */
                            goal: "after_sales" | "product_feedback" | "interaction" | "brand";
                            /**
                             * @description Stage: launch 建立前期, growth 成长期, mature 沉淀期
                             * @enum {unknown}
                             */
                            stage: "launch" | "growth" | "mature";
                            description: string;
                            rules: string;
                            capacity: number | null;
                            externalId: string | null;
                            owner: {
                                staffId: number | null;
                                memberId: number | null;
                                /**
                                 * @description owner 群主 or admin 管理员
                                 * @enum {unknown}
                                 */
                                role: "owner" | "admin";
                                name: string | null;
                            } | null;
                            admins: {
                                staffId: number | null;
                                memberId: number | null;
                                /**
                                 * @description owner 群主 or admin 管理员
                                 * @enum {unknown}
                                 */
                                role: "owner" | "admin";
                                name: string | null;
                            }[];
                            archived: boolean;
                            archivedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/communities/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive a community: hidden from lists, takes no new members, history kept */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            /**
                             * @description Where the community lives
                             * @enum {unknown}
                             */
                            channel: "wechat" | "wecom" | "qq" | "forum" | "email" | "weibo" | "douyin" | "kuaishou" | "dingtalk" | "slack" | "discord" | "other";
                            /**
                             * @description Positioning: product 产品型, interest 兴趣型, knowledge 知识型
                             * @enum {unknown}
                             */
                            positioningType: "product" | "interest" | "knowledge";
                            /**
                             * @description Goal: after-sales 售后服务, product feedback 产品反馈, interaction 用户互动, brand 品牌推广
                             * @enum {unknown}
                             */
                            goal: "after_sales" | "product_feedback" | "interaction" | "brand";
                            /**
                             * @description Stage: launch 建立前期, growth 成长期, mature 沉淀期
                             * @enum {unknown}
                             */
                            stage: "launch" | "growth" | "mature";
                            description: string;
                            rules: string;
                            capacity: number | null;
                            externalId: string | null;
                            owner: {
                                staffId: number | null;
                                memberId: number | null;
                                /**
                                 * @description owner 群主 or admin 管理员
                                 * @enum {unknown}
                                 */
                                role: "owner" | "admin";
                                name: string | null;
                            } | null;
                            admins: {
                                staffId: number | null;
                                memberId: number | null;
                                /**
                                 * @description owner 群主 or admin 管理员
                                 * @enum {unknown}
                                 */
                                role: "owner" | "admin";
                                name: string | null;
                            }[];
                            archived: boolean;
                            archivedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/communities/{id}/unarchive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bring an archived community back */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            /**
                             * @description Where the community lives
                             * @enum {unknown}
                             */
                            channel: "wechat" | "wecom" | "qq" | "forum" | "email" | "weibo" | "douyin" | "kuaishou" | "dingtalk" | "slack" | "discord" | "other";
                            /**
                             * @description Positioning: product 产品型, interest 兴趣型, knowledge 知识型
                             * @enum {unknown}
                             */
                            positioningType: "product" | "interest" | "knowledge";
                            /**
                             * @description Goal: after-sales 售后服务, product feedback 产品反馈, interaction 用户互动, brand 品牌推广
                             * @enum {unknown}
                             */
                            goal: "after_sales" | "product_feedback" | "interaction" | "brand";
                            /**
                             * @description Stage: launch 建立前期, growth 成长期, mature 沉淀期
                             * @enum {unknown}
                             */
                            stage: "launch" | "growth" | "mature";
                            description: string;
                            rules: string;
                            capacity: number | null;
                            externalId: string | null;
                            owner: {
                                staffId: number | null;
                                memberId: number | null;
                                /**
                                 * @description owner 群主 or admin 管理员
                                 * @enum {unknown}
                                 */
                                role: "owner" | "admin";
                                name: string | null;
                            } | null;
                            admins: {
                                staffId: number | null;
                                memberId: number | null;
                                /**
                                 * @description owner 群主 or admin 管理员
                                 * @enum {unknown}
                                 */
                                role: "owner" | "admin";
                                name: string | null;
                            }[];
                            archived: boolean;
                            archivedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/communities/{id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members now, joins and leaves in a period, capacity use */
        get: {
            parameters: {
                query?: {
                    /** @description A day (YYYY-MM-DD, in the workspace time zone) or a date-time; default 30 days back */
                    from?: string;
                    /** @description A day, included whole, or a date-time, excluded; default today */
                    to?: string;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            communityId: number;
                            /** @description The period counted: from inclusive, to exclusive */
                            period: {
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                to: string;
                            };
                            timeZone: string;
                            membersNow: number;
                            capacity: number | null;
                            capacityUsePercent: number | null;
                            joined: number;
                            left: number;
                            /** @description Joins minus leaves */
                            net: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/communities/{id}/trend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Joins, leaves and members per day (days of the workspace time zone; at most 400 days) */
        get: {
            parameters: {
                query?: {
                    /** @description A day (YYYY-MM-DD, in the workspace time zone) or a date-time; default 30 days back */
                    from?: string;
                    /** @description A day, included whole, or a date-time, excluded; default today */
                    to?: string;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            communityId: number;
                            /** @description The period counted: from inclusive, to exclusive */
                            period: {
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                to: string;
                            };
                            timeZone: string;
                            days: {
                                /** @description The day, in the workspace time zone */
                                date: string;
                                joined: number;
                                left: number;
                                /** @description Members at the end of the day */
                                members: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/communities/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Current members with their role and join time, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Role in the group: owner 群主, admin 管理员, core 骨干, member 成员 */
                    role?: "owner" | "admin" | "core" | "member";
                    /** @description Opaque cursor from the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                membershipId: number;
                                memberId: number;
                                memberName: string | null;
                                /**
                                 * @description Role in the group: owner 群主, admin 管理员, core 骨干, member 成员
                                 * @enum {unknown}
                                 */
                                role: "owner" | "admin" | "core" | "member";
                                /**
                                 * @description How the member joined; activity = first seen through their activity
                                 * @enum {unknown}
                                 */
                                joinSource: "invited" | "qr_code" | "import" | "manual" | "activity";
                                invitedByMemberId: number | null;
                                /** Format: date-time */
                                joinedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add members (409 CAPACITY_REACHED when they would not fit: then nobody is added) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items: {
                            memberId: number;
                            /**
                             * @description Role in the group: owner 群主, admin 管理员, core 骨干, member 成员
                             * @enum {unknown}
                             */
                            role?: "owner" | "admin" | "core" | "member";
                            /**
                             * @description How the member joined
                             * @enum {unknown}
                             */
                            source?: "invited" | "qr_code" | "import" | "manual";
                            invitedByMemberId?: number | null;
                            /** Format: date-time */
                            joinedAt?: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            added: {
                                membershipId: number;
                                communityId: number;
                                memberId: number;
                                /**
                                 * @description Role in the group: owner 群主, admin 管理员, core 骨干, member 成员
                                 * @enum {unknown}
                                 */
                                role: "owner" | "admin" | "core" | "member";
                                /**
                                 * @description How the member joined; activity = first seen through their activity
                                 * @enum {unknown}
                                 */
                                joinSource: "invited" | "qr_code" | "import" | "manual" | "activity";
                                invitedByMemberId: number | null;
                                /** Format: date-time */
                                joinedAt: string;
                                leftAt: string | null;
                            }[];
                            /** @description Members who were in the community already (left unchanged) */
                            alreadyMembers: number[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/communities/{id}/members/{memberId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member: their stay ends now and stays in their history */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    memberId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            membershipId: number;
                            communityId: number;
                            memberId: number;
                            /**
                             * @description Role in the group: owner 群主, admin 管理员, core 骨干, member 成员
                             * @enum {unknown}
                             */
                            role: "owner" | "admin" | "core" | "member";
                            /**
                             * @description How the member joined; activity = first seen through their activity
                             * @enum {unknown}
                             */
                            joinSource: "invited" | "qr_code" | "import" | "manual" | "activity";
                            invitedByMemberId: number | null;
                            /** Format: date-time */
                            joinedAt: string;
                            leftAt: string | null;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a member's role in the group (making someone owner hands the role over) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    memberId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Role in the group: owner 群主, admin 管理员, core 骨干, member 成员
                         * @enum {unknown}
                         */
                        role: "owner" | "admin" | "core" | "member";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            membershipId: number;
                            communityId: number;
                            memberId: number;
                            /**
                             * @description Role in the group: owner 群主, admin 管理员, core 骨干, member 成员
                             * @enum {unknown}
                             */
                            role: "owner" | "admin" | "core" | "member";
                            /**
                             * @description How the member joined; activity = first seen through their activity
                             * @enum {unknown}
                             */
                            joinSource: "invited" | "qr_code" | "import" | "manual" | "activity";
                            invitedByMemberId: number | null;
                            /** Format: date-time */
                            joinedAt: string;
                            leftAt: string | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/members/{id}/community-memberships": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A member's stays in communities, current and past, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                membershipId: number;
                                communityId: number;
                                communityName: string;
                                channel: string;
                                /**
                                 * @description Role in the group: owner 群主, admin 管理员, core 骨干, member 成员
                                 * @enum {unknown}
                                 */
                                role: "owner" | "admin" | "core" | "member";
                                /**
                                 * @description How the member joined; activity = first seen through their activity
                                 * @enum {unknown}
                                 */
                                joinSource: "invited" | "qr_code" | "import" | "manual" | "activity";
                                invitedByMemberId: number | null;
                                /** Format: date-time */
                                joinedAt: string;
                                leftAt: string | null;
                                current: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search and list members (keyset pages) */
        get: {
            parameters: {
                query?: {
                    /** @description Name or nickname fragment, or an exact phone, email or channel account id */
                    q?: string;
                    phone?: string;
                    email?: string;
                    tagIds?: number[];
                    /** @description Members with any (default) or all of tagIds */
                    tagMatch?: "any" | "all";
                    communityId?: number;
                    lifecycleStages?: ("acquired" | "activated" | "retained" | "monetised" | "dormant" | "churned")[];
                    createdFrom?: string;
                    createdTo?: string;
                    lastActiveFrom?: string;
                    lastActiveTo?: string;
                    channel?: "wechat" | "wecom" | "qq" | "phone" | "email" | "forum" | "slack" | "discord" | "douyin" | "weibo" | "dingtalk" | "other";
                    consentMarketing?: boolean;
                    source?: string;
                    /** @description member, or the brand's own account: staff 员工 / official 官方账号 (left out of member figures) */
                    accountType?: "member" | "staff" | "official";
                    sort?: "created_at" | "last_active_at" | "name";
                    order?: "asc" | "desc";
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                name: string | null;
                                nickname: string | null;
                                displayName: string;
                                avatarUrl: string | null;
                                gender: string;
                                birthday: string | null;
                                phone: string | null;
                                email: string | null;
                                city: string | null;
                                company: string | null;
                                /** @description Custom attributes, checked against the attribute definitions */
                                attributes: {
                                    [key: string]: unknown;
                                };
                                source: string | null;
                                consentMarketing: boolean;
                                consentDataProcessing: boolean;
                                lifecycleStage: string;
                                /**
                                 * @description member, or the brand's own account: staff 员工 / official 官方账号 (left out of member figures)
                                 * @enum {unknown}
                                 */
                                accountType: "member" | "staff" | "official";
                                mergedInto: number | null;
                                erasedAt: string | null;
                                lastActiveAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                identities: {
                                    id: number;
                                    channel: string;
                                    externalId: string;
                                    displayName: string | null;
                                    /** Format: date-time */
                                    createdAt: string;
                                }[];
                                tags: {
                                    id: number;
                                    name: string;
                                    color: string;
                                }[];
                                /** @description Communities the member belongs to now */
                                communities: {
                                    id: number;
                                    name: string;
                                }[];
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a member */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string | null;
                        nickname?: string | null;
                        avatarUrl?: string | null;
                        /** @enum {unknown} */
                        gender?: "male" | "female" | "other" | "unknown";
                        birthday?: string | null;
                        phone?: string | null;
                        email?: string | null;
                        city?: string | null;
                        company?: string | null;
                        source?: string | null;
                        consentMarketing?: boolean;
                        consentDataProcessing?: boolean;
                        /**
                         * @description acquired 获客 → activated 激活 → retained 留存 → monetised 变现; dormant 沉睡, churned 流失
                         * @enum {unknown}
                         */
                        lifecycleStage?: "acquired" | "activated" | "retained" | "monetised" | "dormant" | "churned";
                        /**
                         * @description member, or the brand's own account: staff 员工 / official 官方账号 (left out of member figures)
                         * @enum {unknown}
                         */
                        accountType?: "member" | "staff" | "official";
                        /** @description Custom attributes, checked against the attribute definitions */
                        attributes?: {
                            [key: string]: unknown;
                        };
                        identities?: {
                            /** @enum {unknown} */
                            channel: "wechat" | "wecom" | "qq" | "phone" | "email" | "forum" | "slack" | "discord" | "douyin" | "weibo" | "dingtalk" | "other";
                            externalId: string;
                            displayName?: string | null;
                        }[];
                        tagIds?: number[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string | null;
                            nickname: string | null;
                            displayName: string;
                            avatarUrl: string | null;
                            gender: string;
                            birthday: string | null;
                            phone: string | null;
                            email: string | null;
                            city: string | null;
                            company: string | null;
                            /** @description Custom attributes, checked against the attribute definitions */
                            attributes: {
                                [key: string]: unknown;
                            };
                            source: string | null;
                            consentMarketing: boolean;
                            consentDataProcessing: boolean;
                            lifecycleStage: string;
                            /**
                             * @description member, or the brand's own account: staff 员工 / official 官方账号 (left out of member figures)
                             * @enum {unknown}
                             */
                            accountType: "member" | "staff" | "official";
                            mergedInto: number | null;
                            erasedAt: string | null;
                            lastActiveAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            identities: {
                                id: number;
                                channel: string;
                                externalId: string;
                                displayName: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            tags: {
                                id: number;
                                name: string;
                                color: string;
                            }[];
                            /** @description Communities the member belongs to now */
                            communities: {
                                id: number;
                                name: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many members match a filter: exact up to 100,000, the planner's estimate beyond */
        get: {
            parameters: {
                query?: {
                    /** @description Name or nickname fragment, or an exact phone, email or channel account id */
                    q?: string;
                    phone?: string;
                    email?: string;
                    tagIds?: number[];
                    /** @description Members with any (default) or all of tagIds */
                    tagMatch?: "any" | "all";
                    communityId?: number;
                    lifecycleStages?: ("acquired" | "activated" | "retained" | "monetised" | "dormant" | "churned")[];
                    createdFrom?: string;
                    createdTo?: string;
                    lastActiveFrom?: string;
                    lastActiveTo?: string;
                    channel?: "wechat" | "wecom" | "qq" | "phone" | "email" | "forum" | "slack" | "discord" | "douyin" | "weibo" | "dingtalk" | "other";
                    consentMarketing?: boolean;
                    source?: string;
                    /** @description member, or the brand's own account: staff 员工 / official 官方账号 (left out of member figures) */
                    accountType?: "member" | "staff" | "official";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            count: number;
                            /** @description false: more than 100,000 match and `count` is the database planner's estimate (shown as “about”) */
                            exact: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the members matching a filter as CSV (UTF-8 with BOM, opens in Excel)
         * @description Answers text/csv, streamed: one row per member, tags, communities and channel accounts joined with |.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Name or nickname fragment, or an exact phone, email or channel account id */
                    q?: string;
                    phone?: string;
                    email?: string;
                    tagIds?: number[];
                    /** @description Members with any (default) or all of tagIds */
                    tagMatch?: "any" | "all";
                    communityId?: number;
                    lifecycleStages?: ("acquired" | "activated" | "retained" | "monetised" | "dormant" | "churned")[];
                    createdFrom?: string;
                    createdTo?: string;
                    lastActiveFrom?: string;
                    lastActiveTo?: string;
                    channel?: "wechat" | "wecom" | "qq" | "phone" | "email" | "forum" | "slack" | "discord" | "douyin" | "weibo" | "dingtalk" | "other";
                    consentMarketing?: boolean;
                    source?: string;
                    /** @description member, or the brand's own account: staff 员工 / official 官方账号 (left out of member figures) */
                    accountType?: "member" | "staff" | "official";
                    sort?: "created_at" | "last_active_at" | "name";
                    order?: "asc" | "desc";
                    /** @description For people: headers and stored values (gender, stage, account type, yes/no) in that language, times in the workspace time zone. Without it: as stored, for integrations and re-import. */
                    lang?: "zh-CN" | "en";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pairs of members that look like one person (same phone, email, name or nickname in a community, or an uncommon nickname across channels) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    reason?: "phone" | "email" | "name_in_community" | "nickname_in_community" | "nickname_across_channels";
                    /** @description Only members currently in this community */
                    communityId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                a: {
                                    id: number;
                                    displayName: string;
                                    avatarUrl: string | null;
                                };
                                b: {
                                    id: number;
                                    displayName: string;
                                    avatarUrl: string | null;
                                };
                                reasons: {
                                    /** @description phone, email, name_in_community, nickname_in_community or nickname_across_channels (see members QUERIES.md for the rules) */
                                    reason: string;
                                    value: string;
                                    communityId: number | null;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A member's profile with identities, tags and communities
         * @description Phones and emails (and phone/email channel accounts) are masked; `reveal=contact` shows them in full, takes members:contact and is audited.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Show phone and email in full (audited) */
                    reveal?: "contact";
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string | null;
                            nickname: string | null;
                            displayName: string;
                            avatarUrl: string | null;
                            gender: string;
                            birthday: string | null;
                            phone: string | null;
                            email: string | null;
                            city: string | null;
                            company: string | null;
                            /** @description Custom attributes, checked against the attribute definitions */
                            attributes: {
                                [key: string]: unknown;
                            };
                            source: string | null;
                            consentMarketing: boolean;
                            consentDataProcessing: boolean;
                            lifecycleStage: string;
                            /**
                             * @description member, or the brand's own account: staff 员工 / official 官方账号 (left out of member figures)
                             * @enum {unknown}
                             */
                            accountType: "member" | "staff" | "official";
                            mergedInto: number | null;
                            erasedAt: string | null;
                            lastActiveAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            identities: {
                                id: number;
                                channel: string;
                                externalId: string;
                                displayName: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            tags: {
                                id: number;
                                name: string;
                                color: string;
                            }[];
                            /** @description Communities the member belongs to now */
                            communities: {
                                id: number;
                                name: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a member's profile, consent, lifecycle stage or attributes */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string | null;
                        nickname?: string | null;
                        avatarUrl?: string | null;
                        /** @enum {unknown} */
                        gender?: "male" | "female" | "other" | "unknown";
                        birthday?: string | null;
                        phone?: string | null;
                        email?: string | null;
                        city?: string | null;
                        company?: string | null;
                        source?: string | null;
                        consentMarketing?: boolean;
                        consentDataProcessing?: boolean;
                        /**
                         * @description acquired 获客 → activated 激活 → retained 留存 → monetised 变现; dormant 沉睡, churned 流失
                         * @enum {unknown}
                         */
                        lifecycleStage?: "acquired" | "activated" | "retained" | "monetised" | "dormant" | "churned";
                        /**
                         * @description member, or the brand's own account: staff 员工 / official 官方账号 (left out of member figures)
                         * @enum {unknown}
                         */
                        accountType?: "member" | "staff" | "official";
                        /** @description Merge-patch: a key set to null is removed */
                        attributes?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string | null;
                            nickname: string | null;
                            displayName: string;
                            avatarUrl: string | null;
                            gender: string;
                            birthday: string | null;
                            phone: string | null;
                            email: string | null;
                            city: string | null;
                            company: string | null;
                            /** @description Custom attributes, checked against the attribute definitions */
                            attributes: {
                                [key: string]: unknown;
                            };
                            source: string | null;
                            consentMarketing: boolean;
                            consentDataProcessing: boolean;
                            lifecycleStage: string;
                            /**
                             * @description member, or the brand's own account: staff 员工 / official 官方账号 (left out of member figures)
                             * @enum {unknown}
                             */
                            accountType: "member" | "staff" | "official";
                            mergedInto: number | null;
                            erasedAt: string | null;
                            lastActiveAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            identities: {
                                id: number;
                                channel: string;
                                externalId: string;
                                displayName: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            tags: {
                                id: number;
                                name: string;
                                color: string;
                            }[];
                            /** @description Communities the member belongs to now */
                            communities: {
                                id: number;
                                name: string;
                            }[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/members/{id}/identities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a channel account to a member (409 IDENTITY_TAKEN names the member who has it) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        channel: "wechat" | "wecom" | "qq" | "phone" | "email" | "forum" | "slack" | "discord" | "douyin" | "weibo" | "dingtalk" | "other";
                        externalId: string;
                        displayName?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            channel: string;
                            externalId: string;
                            displayName: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            channel: string;
                            externalId: string;
                            displayName: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}/identities/{identityId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a channel account (not the last one of a member without phone or email) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    identityId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tags with how many members carry each */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                name: string;
                                color: string;
                                memberCount: number;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a tag */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @description Hex colour, #1677ff or #17f */
                        color?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            color: string;
                            memberCount: number;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/tags/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a tag (it is taken off every member) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            membersUntagged: number;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename or recolour a tag */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @description Hex colour, #1677ff or #17f */
                        color?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            color: string;
                            memberCount: number;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/members/tags/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add and remove tags on chosen members or on every member matching a filter */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Exactly these members… */
                        memberIds?: number[];
                        filter?: {
                            /** @description Name or nickname fragment, or an exact phone, email or channel account id */
                            q?: string;
                            phone?: string;
                            email?: string;
                            tagIds?: number[];
                            /**
                             * @description Members with any (default) or all of tagIds
                             * @enum {unknown}
                             */
                            tagMatch?: "any" | "all";
                            communityId?: number;
                            lifecycleStages?: ("acquired" | "activated" | "retained" | "monetised" | "dormant" | "churned")[];
                            /** Format: date-time */
                            createdFrom?: string;
                            /** Format: date-time */
                            createdTo?: string;
                            /** Format: date-time */
                            lastActiveFrom?: string;
                            /** Format: date-time */
                            lastActiveTo?: string;
                            /** @enum {unknown} */
                            channel?: "wechat" | "wecom" | "qq" | "phone" | "email" | "forum" | "slack" | "discord" | "douyin" | "weibo" | "dingtalk" | "other";
                            consentMarketing?: boolean;
                            source?: string;
                            /**
                             * @description member, or the brand's own account: staff 员工 / official 官方账号 (left out of member figures)
                             * @enum {unknown}
                             */
                            accountType?: "member" | "staff" | "official";
                        };
                        add?: number[];
                        remove?: number[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Members selected */
                            matched: number;
                            /** @description Tags newly put on members */
                            added: number;
                            /** @description Tags taken off members */
                            removed: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/attributes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Custom attribute definitions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                key: string;
                                label: string;
                                type: string;
                                options: string[];
                                required: boolean;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Define a custom attribute */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Lower-case letters, digits and _, starting with a letter */
                        key: string;
                        label: string;
                        /** @enum {unknown} */
                        type: "string" | "number" | "boolean" | "date" | "enum";
                        /** @description The allowed values of an enum */
                        options?: string[];
                        required?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            key: string;
                            label: string;
                            type: string;
                            options: string[];
                            required: boolean;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/attributes/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an attribute and every member's value for it */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            valuesRemoved: number;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change an attribute's label, options or required flag */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        label?: string;
                        options?: string[];
                        required?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            key: string;
                            label: string;
                            type: string;
                            options: string[];
                            required: boolean;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/members/{id}/merge-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What merging mergedId into this member would give, field by field */
        get: {
            parameters: {
                query: {
                    mergedId: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            survivor: {
                                id: number;
                                name: string | null;
                                nickname: string | null;
                                displayName: string;
                                avatarUrl: string | null;
                                gender: string;
                                birthday: string | null;
                                phone: string | null;
                                email: string | null;
                                city: string | null;
                                company: string | null;
                                /** @description Custom attributes, checked against the attribute definitions */
                                attributes: {
                                    [key: string]: unknown;
                                };
                                source: string | null;
                                consentMarketing: boolean;
                                consentDataProcessing: boolean;
                                lifecycleStage: string;
                                /**
                                 * @description member, or the brand's own account: staff 员工 / official 官方账号 (left out of member figures)
                                 * @enum {unknown}
                                 */
                                accountType: "member" | "staff" | "official";
                                mergedInto: number | null;
                                erasedAt: string | null;
                                lastActiveAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                identities: {
                                    id: number;
                                    channel: string;
                                    externalId: string;
                                    displayName: string | null;
                                    /** Format: date-time */
                                    createdAt: string;
                                }[];
                                tags: {
                                    id: number;
                                    name: string;
                                    color: string;
                                }[];
                                /** @description Communities the member belongs to now */
                                communities: {
                                    id: number;
                                    name: string;
                                }[];
                            };
                            merged: {
                                id: number;
                                name: string | null;
                                nickname: string | null;
                                displayName: string;
                                avatarUrl: string | null;
                                gender: string;
                                birthday: string | null;
                                phone: string | null;
                                email: string | null;
                                city: string | null;
                                company: string | null;
                                /** @description Custom attributes, checked against the attribute definitions */
                                attributes: {
                                    [key: string]: unknown;
                                };
                                source: string | null;
                                consentMarketing: boolean;
                                consentDataProcessing: boolean;
                                lifecycleStage: string;
                                /**
                                 * @description member, or the brand's own account: staff 员工 / official 官方账号 (left out of member figures)
                                 * @enum {unknown}
                                 */
                                accountType: "member" | "staff" | "official";
                                mergedInto: number | null;
                                erasedAt: string | null;
                                lastActiveAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                identities: {
                                    id: number;
                                    channel: string;
                                    externalId: string;
                                    displayName: string | null;
                                    /** Format: date-time */
                                    createdAt: string;
                                }[];
                                tags: {
                                    id: number;
                                    name: string;
                                    color: string;
                                }[];
                                /** @description Communities the member belongs to now */
                                communities: {
                                    id: number;
                                    name: string;
                                }[];
                            };
                            /** @description The survivor's profile after the merge */
                            result: {
                                [key: string]: unknown;
                            };
                            decisions: {
                                field: string;
                                /** @description survivor, merged or both */
                                from: string;
                            }[];
                            moves: {
                                identities: number;
                                tags: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge another member (mergedId) into this one; undoable */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        mergedId: number;
                        /** @description Fields decided by hand (name, nickname, avatarUrl, gender, birthday, phone, email, city, company, source, lifecycleStage, accountType): whose value the merged profile keeps, instead of the rule */
                        choices?: {
                            [key: string]: "survivor" | "merged";
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            mergeId: number;
                            survivor: {
                                id: number;
                                name: string | null;
                                nickname: string | null;
                                displayName: string;
                                avatarUrl: string | null;
                                gender: string;
                                birthday: string | null;
                                phone: string | null;
                                email: string | null;
                                city: string | null;
                                company: string | null;
                                /** @description Custom attributes, checked against the attribute definitions */
                                attributes: {
                                    [key: string]: unknown;
                                };
                                source: string | null;
                                consentMarketing: boolean;
                                consentDataProcessing: boolean;
                                lifecycleStage: string;
                                /**
                                 * @description member, or the brand's own account: staff 员工 / official 官方账号 (left out of member figures)
                                 * @enum {unknown}
                                 */
                                accountType: "member" | "staff" | "official";
                                mergedInto: number | null;
                                erasedAt: string | null;
                                lastActiveAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                identities: {
                                    id: number;
                                    channel: string;
                                    externalId: string;
                                    displayName: string | null;
                                    /** Format: date-time */
                                    createdAt: string;
                                }[];
                                tags: {
                                    id: number;
                                    name: string;
                                    color: string;
                                }[];
                                /** @description Communities the member belongs to now */
                                communities: {
                                    id: number;
                                    name: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}/merges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Merges this member took part in, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                survivorId: number;
                                mergedId: number;
                                mergedBy: string;
                                /** Format: date-time */
                                mergedAt: string;
                                undoneAt: string | null;
                                undoneBy: string | null;
                                undoable: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/merges/{mergeId}/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Undo a merge: both members back as they were */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    mergeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            survivor: {
                                id: number;
                                name: string | null;
                                nickname: string | null;
                                displayName: string;
                                avatarUrl: string | null;
                                gender: string;
                                birthday: string | null;
                                phone: string | null;
                                email: string | null;
                                city: string | null;
                                company: string | null;
                                /** @description Custom attributes, checked against the attribute definitions */
                                attributes: {
                                    [key: string]: unknown;
                                };
                                source: string | null;
                                consentMarketing: boolean;
                                consentDataProcessing: boolean;
                                lifecycleStage: string;
                                /**
                                 * @description member, or the brand's own account: staff 员工 / official 官方账号 (left out of member figures)
                                 * @enum {unknown}
                                 */
                                accountType: "member" | "staff" | "official";
                                mergedInto: number | null;
                                erasedAt: string | null;
                                lastActiveAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                identities: {
                                    id: number;
                                    channel: string;
                                    externalId: string;
                                    displayName: string | null;
                                    /** Format: date-time */
                                    createdAt: string;
                                }[];
                                tags: {
                                    id: number;
                                    name: string;
                                    color: string;
                                }[];
                                /** @description Communities the member belongs to now */
                                communities: {
                                    id: number;
                                    name: string;
                                }[];
                            };
                            restored: {
                                id: number;
                                name: string | null;
                                nickname: string | null;
                                displayName: string;
                                avatarUrl: string | null;
                                gender: string;
                                birthday: string | null;
                                phone: string | null;
                                email: string | null;
                                city: string | null;
                                company: string | null;
                                /** @description Custom attributes, checked against the attribute definitions */
                                attributes: {
                                    [key: string]: unknown;
                                };
                                source: string | null;
                                consentMarketing: boolean;
                                consentDataProcessing: boolean;
                                lifecycleStage: string;
                                /**
                                 * @description member, or the brand's own account: staff 员工 / official 官方账号 (left out of member figures)
                                 * @enum {unknown}
                                 */
                                accountType: "member" | "staff" | "official";
                                mergedInto: number | null;
                                erasedAt: string | null;
                                lastActiveAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                identities: {
                                    id: number;
                                    channel: string;
                                    externalId: string;
                                    displayName: string | null;
                                    /** Format: date-time */
                                    createdAt: string;
                                }[];
                                tags: {
                                    id: number;
                                    name: string;
                                    color: string;
                                }[];
                                /** @description Communities the member belongs to now */
                                communities: {
                                    id: number;
                                    name: string;
                                }[];
                            };
                            /** @description Survivor fields edited since the merge, left as edited */
                            keptFields: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}/personal-data": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything Kith holds about a member (personal-data request); audited */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            exportedAt: string;
                            member: {
                                id: number;
                                name: string | null;
                                nickname: string | null;
                                displayName: string;
                                avatarUrl: string | null;
                                gender: string;
                                birthday: string | null;
                                phone: string | null;
                                email: string | null;
                                city: string | null;
                                company: string | null;
                                /** @description Custom attributes, checked against the attribute definitions */
                                attributes: {
                                    [key: string]: unknown;
                                };
                                source: string | null;
                                consentMarketing: boolean;
                                consentDataProcessing: boolean;
                                lifecycleStage: string;
                                /**
                                 * @description member, or the brand's own account: staff 员工 / official 官方账号 (left out of member figures)
                                 * @enum {unknown}
                                 */
                                accountType: "member" | "staff" | "official";
                                mergedInto: number | null;
                                erasedAt: string | null;
                                lastActiveAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                identities: {
                                    id: number;
                                    channel: string;
                                    externalId: string;
                                    displayName: string | null;
                                    /** Format: date-time */
                                    createdAt: string;
                                }[];
                                tags: {
                                    id: number;
                                    name: string;
                                    color: string;
                                }[];
                                /** @description Communities the member belongs to now */
                                communities: {
                                    id: number;
                                    name: string;
                                }[];
                            };
                            mergedProfiles: {
                                [key: string]: unknown;
                            }[];
                            merges: {
                                [key: string]: unknown;
                            }[];
                            /** @description Each module's data about the member */
                            participants: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}/erase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Erase a member's personal data, keeping anonymous counts */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** Format: date-time */
                            erasedAt: string;
                            membersErased: number[];
                            identitiesTokenised: number;
                            tagsRemoved: number;
                            mergeSnapshotsDropped: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The activity stream, newest first (a member timeline with memberId) */
        get: {
            parameters: {
                query?: {
                    memberId?: number;
                    communityId?: number;
                    kind?: ("message" | "reaction" | "check_in" | "join" | "leave" | "event_registered" | "event_attended" | "purchase" | "refund" | "survey_response" | "content_view" | "referral" | "custom")[];
                    from?: string;
                    to?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                memberId: number;
                                communityId: number | null;
                                channel: string;
                                kind: string;
                                /** Format: date-time */
                                occurredAt: string;
                                properties: {
                                    [key: string]: unknown;
                                };
                                source: string;
                                externalId: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Ingest a batch of up to 10,000 activities (idempotent per source + externalId)
         * @description Each item is validated on its own. Unknown (channel, externalId) identities create members. Re-sending a batch creates nothing new. If every item is rejected the answer is 400 with each reason.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Default source (idempotency namespace) for items that name none */
                        source?: string;
                        /** @description Activities: { externalId, kind, occurredAt, memberId | member: { channel, externalId, displayName? }, communityId?, channel?, properties?, source? }. Each item is checked on its own and gets its own result. */
                        items: unknown[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created: number;
                            duplicates: number;
                            rejected: number;
                            results: {
                                index: number;
                                status: "created" | "duplicate" | "rejected";
                                id?: number;
                                reason?: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Orders built from purchase and refund activities, newest first */
        get: {
            parameters: {
                query?: {
                    memberId?: number;
                    /** @description Opaque cursor from the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                source: string;
                                orderId: string;
                                memberId: number;
                                communityId: number | null;
                                amount: string;
                                refundedAmount: string;
                                currency: string;
                                items: unknown[];
                                status: string;
                                /** Format: date-time */
                                orderedAt: string;
                                refundedAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{kind}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Read an import file without writing anything: format, column mapping, rows, rejected lines and a sample
         * @description multipart/form-data with an optional `options` part holding JSON: { mapping?: { header: field }, timeZone?, keepUnmapped?, onlyExisting? (members), source? (orders), communityId?, group?, selfName? (chat) }, then a `file` part (CSV, XLSX, or a chat export). A file larger than KITH_IMPORT_MAX_MB (default 200 MB) answers 413. A file Kith cannot read (a sheet with more than 200 columns, a record longer than 1 MiB characters, an .xlsx workbook over 20 MB, an unknown format) answers 400 to a preview; an import started on it answers 202 and ends `failed` with the same reason.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: "members" | "orders" | "chat";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            format: string;
                            /** @description Text encoding the file was read as (gb18030 covers GBK); null for an Excel workbook */
                            encoding: "utf-8" | "utf-8-bom" | "utf-16le" | "gb18030" | null;
                            rows: number;
                            skipped: number;
                            rejected: {
                                line: number;
                                reason: string;
                                /** @description The reasons as codes, with the column and value each concerns (present when every reason has a code) */
                                problems?: {
                                    column?: string;
                                    value?: string;
                                    /** @description web/shared/problems.ts */
                                    code: string;
                                    params?: {
                                        [key: string]: string | number;
                                    };
                                }[];
                            }[];
                            sample: unknown[];
                            /** @description Members: community and tag names the rows use that do not exist yet (with how many rows use each) — what importing would create. Start the import with onlyExisting: true to refuse those rows instead. */
                            wouldCreate?: {
                                communities: {
                                    name: string;
                                    rows: number;
                                }[];
                                tags: {
                                    name: string;
                                    rows: number;
                                }[];
                            };
                            /** @description Members and orders: each header and how it is mapped */
                            columns?: {
                                header: string;
                                /** @description Field the column is read as (phone, identity:qq, attr:<header>); null = not imported */
                                field: string | null;
                                /** @description The first few values of the column */
                                examples: string[];
                            }[];
                            /** @description Required fields (or "one of a, b" groups) no column maps to; rows are not read until they are mapped */
                            missing?: string[];
                            /** @description Fields a column may be mapped to */
                            fields?: {
                                field: string;
                                required: boolean;
                                oneOf: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start an import; poll GET /imports/{id} for progress and the report
         * @description multipart/form-data with an optional `options` part holding JSON: { mapping?: { header: field }, timeZone?, keepUnmapped?, onlyExisting? (members), source? (orders), communityId?, group?, selfName? (chat) }, then a `file` part (CSV, XLSX, or a chat export). A file larger than KITH_IMPORT_MAX_MB (default 200 MB) answers 413. A file Kith cannot read (a sheet with more than 200 columns, a record longer than 1 MiB characters, an .xlsx workbook over 20 MB, an unknown format) answers 400 to a preview; an import started on it answers 202 and ends `failed` with the same reason.. Importing the same file with the same options again writes nothing; a stopped import resumes.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: "members" | "orders" | "chat";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            alreadyImported: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent imports with their reports */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                kind: string;
                                format: string;
                                fileName: string;
                                /** @description interrupted: the process running it stopped and the stored file was gone; uploading the same file with the same options resumes it */
                                status: "running" | "completed" | "failed" | "interrupted";
                                totalRows: number;
                                processedRows: number;
                                createdRows: number;
                                updatedRows: number;
                                duplicateRows: number;
                                rejectedRows: number;
                                skippedRows: number;
                                alreadyImported: boolean;
                                rejections: {
                                    line: number;
                                    reason: string;
                                    /** @description The reasons as codes, with the column and value each concerns (present when every reason has a code) */
                                    problems?: {
                                        column?: string;
                                        value?: string;
                                        /** @description web/shared/problems.ts */
                                        code: string;
                                        params?: {
                                            [key: string]: string | number;
                                        };
                                    }[];
                                }[];
                                error: string | null;
                                createdAt: string;
                                finishedAt: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Progress and report of one import */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            kind: string;
                            format: string;
                            fileName: string;
                            /** @description interrupted: the process running it stopped and the stored file was gone; uploading the same file with the same options resumes it */
                            status: "running" | "completed" | "failed" | "interrupted";
                            totalRows: number;
                            processedRows: number;
                            createdRows: number;
                            updatedRows: number;
                            duplicateRows: number;
                            rejectedRows: number;
                            skippedRows: number;
                            alreadyImported: boolean;
                            rejections: {
                                line: number;
                                reason: string;
                                /** @description The reasons as codes, with the column and value each concerns (present when every reason has a code) */
                                problems?: {
                                    column?: string;
                                    value?: string;
                                    /** @description web/shared/problems.ts */
                                    code: string;
                                    params?: {
                                        [key: string]: string | number;
                                    };
                                }[];
                            }[];
                            error: string | null;
                            createdAt: string;
                            finishedAt: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}/rejections.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every rejected line of an import with its reason, as CSV */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/overview/checklist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Getting started 开始使用: the setup steps done and to do, and whether the caller put the list away */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The caller put the list away */
                            dismissed: boolean;
                            complete: boolean;
                            /** @description community: one exists; members: members imported or a channel connected (an API key); programme: tiers defined; colleagues: another staff member */
                            steps: {
                                key: "community" | "members" | "programme" | "colleagues";
                                done: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/overview/checklist/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put the getting-started checklist away for the signed-in staff member (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The caller put the list away */
                            dismissed: boolean;
                            complete: boolean;
                            /** @description community: one exists; members: members imported or a channel connected (an API key); programme: tiers defined; colleagues: another staff member */
                            steps: {
                                key: "community" | "members" | "programme" | "colleagues";
                                done: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace at a glance: members and growth, active members, messages per day, joins and leaves per community */
        get: {
            parameters: {
                query?: {
                    /** @description First day, included; default 30 days ending with to */
                    from?: string;
                    /** @description Last day, included; default today */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The workspace time zone the days are cut in */
                            timeZone: string;
                            /** @description A day of the workspace time zone (YYYY-MM-DD) */
                            from: string;
                            /** @description A day of the workspace time zone (YYYY-MM-DD) */
                            to: string;
                            /**
                             * Format: date-time
                             * @description The instant the first day starts
                             */
                            periodStart: string;
                            /**
                             * Format: date-time
                             * @description The instant after the last day ends (excluded)
                             */
                            periodEnd: string;
                            members: {
                                /** @description Members now (merged and erased profiles not counted) */
                                total: number;
                                /** @description Members created before the period */
                                atStart: number;
                                /** @description Members created before the end of the period */
                                atEnd: number;
                                /** @description Members created within the period */
                                joined: number;
                                /** @description Growth over the period in % of atStart; null when atStart is 0 */
                                growthPercent: number | null;
                            };
                            active: {
                                /** @description WAU: distinct members with meaningful activity today or in the 6 days before (docs/metrics.md) */
                                last7Days: number;
                                /** @description MAU: distinct members with meaningful activity today or in the 29 days before; the engagement report over the same 30 days answers the same */
                                last30Days: number;
                                /**
                                 * Format: date-time
                                 * @description Start of the 7-day window
                                 */
                                since7Days: string;
                                /**
                                 * Format: date-time
                                 * @description Start of the 30-day window
                                 */
                                since30Days: string;
                            };
                            days: {
                                /** @description A day of the workspace time zone (YYYY-MM-DD) */
                                date: string;
                                /** Format: date-time */
                                start: string;
                                /** Format: date-time */
                                end: string;
                                /** @description Members created that day */
                                newMembers: number;
                                /** @description Members at the end of the day */
                                totalMembers: number;
                                /** @description Messages sent that day */
                                messages: number;
                                /** @description Distinct members with meaningful activity that day */
                                activeMembers: number;
                            }[];
                            /** @description Communities that are not archived, most joins first */
                            communities: {
                                id: number;
                                name: string;
                                /** @description Joins within the period */
                                joined: number;
                                /** @description Leaves within the period */
                                left: number;
                                membersNow: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/overview/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Messages of a period, newest first, with their member and community: the list behind the messages chart */
        get: {
            parameters: {
                query: {
                    /** @description Start, included (e.g. a day's `start` from GET /overview) */
                    from: string;
                    /** @description End, excluded */
                    to: string;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** Format: date-time */
                                occurredAt: string;
                                member: {
                                    id: number;
                                    displayName: string;
                                    avatarUrl: string | null;
                                };
                                community: {
                                    id: number;
                                    name: string;
                                } | null;
                                /** @description Plain text as the member wrote it; show it as text, never as HTML */
                                text: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Workspace facts the console needs: the time zone days are cut in, and today */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Workspace time zone (KITH_TIME_ZONE): reports cut days in it */
                            timeZone: string;
                            /** @description A day of the workspace time zone (YYYY-MM-DD) */
                            today: string;
                            /** Format: date-time */
                            now: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loyalty/programme": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Programme settings 会员制度设置 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Growth counts over the current calendar month and the N-1 before it; null = lifetime */
                            qualificationMonths: number | null;
                            /**
                             * @description How often tiers are evaluated for demotion
                             * @enum {unknown}
                             */
                            evaluationPeriod: "monthly" | "quarterly";
                            /** @description A tier is kept while growth ≥ keepRatio × threshold (unless the tier sets its own keep threshold) */
                            keepRatio: number;
                            /** @description Days below the keep threshold before a demotion */
                            graceDays: number;
                            maxDemotionSteps: number;
                            /** @description Points expire at the end of the N-th month after the month earned; null = never */
                            pointsExpiryMonths: number | null;
                            /**
                             * @description Points of a refunded order that were spent already: debt (balance below zero) or cap (stop at zero)
                             * @enum {unknown}
                             */
                            refundPolicy: "debt" | "cap";
                            /** @description Manual adjustments of at least this many points need a second operator */
                            approvalThreshold: number;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change programme settings */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Growth counts over the current calendar month and the N-1 before it; null = lifetime */
                        qualificationMonths?: number | null;
                        /**
                         * @description How often tiers are evaluated for demotion
                         * @enum {unknown}
                         */
                        evaluationPeriod?: "monthly" | "quarterly";
                        /** @description A tier is kept while growth ≥ keepRatio × threshold (unless the tier sets its own keep threshold) */
                        keepRatio?: number;
                        /** @description Days below the keep threshold before a demotion */
                        graceDays?: number;
                        maxDemotionSteps?: number;
                        /** @description Points expire at the end of the N-th month after the month earned; null = never */
                        pointsExpiryMonths?: number | null;
                        /**
                         * @description Points of a refunded order that were spent already: debt (balance below zero) or cap (stop at zero)
                         * @enum {unknown}
                         */
                        refundPolicy?: "debt" | "cap";
                        /** @description Manual adjustments of at least this many points need a second operator */
                        approvalThreshold?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Growth counts over the current calendar month and the N-1 before it; null = lifetime */
                            qualificationMonths: number | null;
                            /**
                             * @description How often tiers are evaluated for demotion
                             * @enum {unknown}
                             */
                            evaluationPeriod: "monthly" | "quarterly";
                            /** @description A tier is kept while growth ≥ keepRatio × threshold (unless the tier sets its own keep threshold) */
                            keepRatio: number;
                            /** @description Days below the keep threshold before a demotion */
                            graceDays: number;
                            maxDemotionSteps: number;
                            /** @description Points expire at the end of the N-th month after the month earned; null = never */
                            pointsExpiryMonths: number | null;
                            /**
                             * @description Points of a refunded order that were spent already: debt (balance below zero) or cap (stop at zero)
                             * @enum {unknown}
                             */
                            refundPolicy: "debt" | "cap";
                            /** @description Manual adjustments of at least this many points need a second operator */
                            approvalThreshold: number;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/loyalty/tiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tiers 会员等级, lowest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                nameZh: string;
                                nameEn: string;
                                threshold: number;
                                keepThreshold: number | null;
                                effectiveKeepThreshold: number;
                                benefits: ({
                                    /** @enum {string} */
                                    type: "points_multiplier";
                                    value: number;
                                } | {
                                    /** @enum {string} */
                                    type: "discount";
                                    percent: number;
                                } | {
                                    /** @enum {string} */
                                    type: "exclusive_events";
                                } | {
                                    /** @enum {string} */
                                    type: "priority_service";
                                } | {
                                    /** @enum {string} */
                                    type: "text";
                                    zh: string;
                                    en: string;
                                })[];
                                obligations: {
                                    /** @enum {string} */
                                    type: "min_activities";
                                    count: number;
                                    /** @description Activity kinds that count; empty = all */
                                    kinds: string[];
                                }[];
                                color: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a tier */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        nameZh: string;
                        nameEn: string;
                        /** @description Growth value 成长值 at which the tier starts; the entry tier starts at 0 */
                        threshold: number;
                        /** @description Growth needed to keep the tier; null = keepRatio × threshold */
                        keepThreshold?: number | null;
                        benefits?: ({
                            /** @enum {string} */
                            type: "points_multiplier";
                            value: number;
                        } | {
                            /** @enum {string} */
                            type: "discount";
                            percent: number;
                        } | {
                            /** @enum {string} */
                            type: "exclusive_events";
                        } | {
                            /** @enum {string} */
                            type: "priority_service";
                        } | {
                            /** @enum {string} */
                            type: "text";
                            zh: string;
                            en: string;
                        })[];
                        obligations?: {
                            /** @enum {string} */
                            type: "min_activities";
                            count: number;
                            /** @description Activity kinds that count; empty = all */
                            kinds: string[];
                        }[];
                        color?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            nameZh: string;
                            nameEn: string;
                            threshold: number;
                            keepThreshold: number | null;
                            effectiveKeepThreshold: number;
                            benefits: ({
                                /** @enum {string} */
                                type: "points_multiplier";
                                value: number;
                            } | {
                                /** @enum {string} */
                                type: "discount";
                                percent: number;
                            } | {
                                /** @enum {string} */
                                type: "exclusive_events";
                            } | {
                                /** @enum {string} */
                                type: "priority_service";
                            } | {
                                /** @enum {string} */
                                type: "text";
                                zh: string;
                                en: string;
                            })[];
                            obligations: {
                                /** @enum {string} */
                                type: "min_activities";
                                count: number;
                                /** @description Activity kinds that count; empty = all */
                                kinds: string[];
                            }[];
                            color: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loyalty/tiers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change a tier */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        nameZh: string;
                        nameEn: string;
                        /** @description Growth value 成长值 at which the tier starts; the entry tier starts at 0 */
                        threshold: number;
                        /** @description Growth needed to keep the tier; null = keepRatio × threshold */
                        keepThreshold?: number | null;
                        benefits?: ({
                            /** @enum {string} */
                            type: "points_multiplier";
                            value: number;
                        } | {
                            /** @enum {string} */
                            type: "discount";
                            percent: number;
                        } | {
                            /** @enum {string} */
                            type: "exclusive_events";
                        } | {
                            /** @enum {string} */
                            type: "priority_service";
                        } | {
                            /** @enum {string} */
                            type: "text";
                            zh: string;
                            en: string;
                        })[];
                        obligations?: {
                            /** @enum {string} */
                            type: "min_activities";
                            count: number;
                            /** @description Activity kinds that count; empty = all */
                            kinds: string[];
                        }[];
                        color?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            nameZh: string;
                            nameEn: string;
                            threshold: number;
                            keepThreshold: number | null;
                            effectiveKeepThreshold: number;
                            benefits: ({
                                /** @enum {string} */
                                type: "points_multiplier";
                                value: number;
                            } | {
                                /** @enum {string} */
                                type: "discount";
                                percent: number;
                            } | {
                                /** @enum {string} */
                                type: "exclusive_events";
                            } | {
                                /** @enum {string} */
                                type: "priority_service";
                            } | {
                                /** @enum {string} */
                                type: "text";
                                zh: string;
                                en: string;
                            })[];
                            obligations: {
                                /** @enum {string} */
                                type: "min_activities";
                                count: number;
                                /** @description Activity kinds that count; empty = all */
                                kinds: string[];
                            }[];
                            color: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Remove a tier nobody holds or held */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loyalty/tiers/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** How many members each tier holds now and would hold under proposed thresholds (computed from growth) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        thresholds: {
                            tierId: number;
                            threshold: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                tierId: number;
                                threshold: number;
                                members: number;
                                proposedThreshold: number;
                                proposedMembers: number;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loyalty/tiers/thresholds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply the thresholds tried in the preview, all at once; members whose growth now reaches a higher tier are promoted (demotion waits for the evaluation) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        thresholds: {
                            tierId: number;
                            threshold: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                nameZh: string;
                                nameEn: string;
                                threshold: number;
                                keepThreshold: number | null;
                                effectiveKeepThreshold: number;
                                benefits: ({
                                    /** @enum {string} */
                                    type: "points_multiplier";
                                    value: number;
                                } | {
                                    /** @enum {string} */
                                    type: "discount";
                                    percent: number;
                                } | {
                                    /** @enum {string} */
                                    type: "exclusive_events";
                                } | {
                                    /** @enum {string} */
                                    type: "priority_service";
                                } | {
                                    /** @enum {string} */
                                    type: "text";
                                    zh: string;
                                    en: string;
                                })[];
                                obligations: {
                                    /** @enum {string} */
                                    type: "min_activities";
                                    count: number;
                                    /** @description Activity kinds that count; empty = all */
                                    kinds: string[];
                                }[];
                                color: string;
                            }[];
                            promoted: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loyalty/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the periodic tier evaluation now (for the period that just ended; a second run changes nothing) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            period: string;
                            evaluated: number;
                            promoted: number;
                            demoted: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loyalty/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Behaviour rules 行为规则 with their versions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                name: string;
                                currentVersion: number;
                                definition: {
                                    /** @description The activity kind the rule rewards (message, check_in, purchase, event_attended …) */
                                    kind: string;
                                    enabled: boolean;
                                    filters: {
                                        communityIds?: number[];
                                        channels?: string[];
                                        minAmount?: number;
                                        properties?: {
                                            [key: string]: string | number | boolean;
                                        };
                                    };
                                    points: ({
                                        /** @enum {string} */
                                        mode: "fixed";
                                        amount: number;
                                    } | {
                                        /** @enum {string} */
                                        mode: "per_amount";
                                        per: number;
                                        amount: number;
                                    }) | null;
                                    growth: ({
                                        /** @enum {string} */
                                        mode: "fixed";
                                        amount: number;
                                    } | {
                                        /** @enum {string} */
                                        mode: "per_amount";
                                        per: number;
                                        amount: number;
                                    }) | null;
                                    /** @description Multiply points by the member's tier points multiplier */
                                    tierMultiplier: boolean;
                                    limits: {
                                        perDay?: number;
                                        perWeek?: number;
                                        lifetime?: number;
                                        cooldownMinutes?: number;
                                    };
                                    firstTimeBonus?: {
                                        points: number;
                                        growth: number;
                                    };
                                    streak?: {
                                        /** @description Extra points on day 1, 2, … of consecutive days; the last repeats */
                                        bonuses: number[];
                                    };
                                    antiAbuse?: {
                                        minTextLength?: number;
                                        duplicateWindowMinutes?: number;
                                    };
                                };
                                /** Format: date-time */
                                validFrom: string;
                                versions: {
                                    version: number;
                                    /** Format: date-time */
                                    validFrom: string;
                                    createdBy: string;
                                    definition: {
                                        /** @description The activity kind the rule rewards (message, check_in, purchase, event_attended …) */
                                        kind: string;
                                        enabled: boolean;
                                        filters: {
                                            communityIds?: number[];
                                            channels?: string[];
                                            minAmount?: number;
                                            properties?: {
                                                [key: string]: string | number | boolean;
                                            };
                                        };
                                        points: ({
                                            /** @enum {string} */
                                            mode: "fixed";
                                            amount: number;
                                        } | {
                                            /** @enum {string} */
                                            mode: "per_amount";
                                            per: number;
                                            amount: number;
                                        }) | null;
                                        growth: ({
                                            /** @enum {string} */
                                            mode: "fixed";
                                            amount: number;
                                        } | {
                                            /** @enum {string} */
                                            mode: "per_amount";
                                            per: number;
                                            amount: number;
                                        }) | null;
                                        /** @description Multiply points by the member's tier points multiplier */
                                        tierMultiplier: boolean;
                                        limits: {
                                            perDay?: number;
                                            perWeek?: number;
                                            lifetime?: number;
                                            cooldownMinutes?: number;
                                        };
                                        firstTimeBonus?: {
                                            points: number;
                                            growth: number;
                                        };
                                        streak?: {
                                            /** @description Extra points on day 1, 2, … of consecutive days; the last repeats */
                                            bonuses: number[];
                                        };
                                        antiAbuse?: {
                                            minTextLength?: number;
                                            duplicateWindowMinutes?: number;
                                        };
                                    };
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a rule */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        definition: {
                            /** @description The activity kind the rule rewards (message, check_in, purchase, event_attended …) */
                            kind: string;
                            enabled: boolean;
                            filters: {
                                communityIds?: number[];
                                channels?: string[];
                                minAmount?: number;
                                properties?: {
                                    [key: string]: string | number | boolean;
                                };
                            };
                            points: ({
                                /** @enum {string} */
                                mode: "fixed";
                                amount: number;
                            } | {
                                /** @enum {string} */
                                mode: "per_amount";
                                per: number;
                                amount: number;
                            }) | null;
                            growth: ({
                                /** @enum {string} */
                                mode: "fixed";
                                amount: number;
                            } | {
                                /** @enum {string} */
                                mode: "per_amount";
                                per: number;
                                amount: number;
                            }) | null;
                            /** @description Multiply points by the member's tier points multiplier */
                            tierMultiplier: boolean;
                            limits: {
                                perDay?: number;
                                perWeek?: number;
                                lifetime?: number;
                                cooldownMinutes?: number;
                            };
                            firstTimeBonus?: {
                                points: number;
                                growth: number;
                            };
                            streak?: {
                                /** @description Extra points on day 1, 2, … of consecutive days; the last repeats */
                                bonuses: number[];
                            };
                            antiAbuse?: {
                                minTextLength?: number;
                                duplicateWindowMinutes?: number;
                            };
                        };
                        /**
                         * Format: date-time
                         * @description When this version takes effect (default now); replay uses the version in force at each activity
                         */
                        validFrom?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            currentVersion: number;
                            definition: {
                                /** @description The activity kind the rule rewards (message, check_in, purchase, event_attended …) */
                                kind: string;
                                enabled: boolean;
                                filters: {
                                    communityIds?: number[];
                                    channels?: string[];
                                    minAmount?: number;
                                    properties?: {
                                        [key: string]: string | number | boolean;
                                    };
                                };
                                points: ({
                                    /** @enum {string} */
                                    mode: "fixed";
                                    amount: number;
                                } | {
                                    /** @enum {string} */
                                    mode: "per_amount";
                                    per: number;
                                    amount: number;
                                }) | null;
                                growth: ({
                                    /** @enum {string} */
                                    mode: "fixed";
                                    amount: number;
                                } | {
                                    /** @enum {string} */
                                    mode: "per_amount";
                                    per: number;
                                    amount: number;
                                }) | null;
                                /** @description Multiply points by the member's tier points multiplier */
                                tierMultiplier: boolean;
                                limits: {
                                    perDay?: number;
                                    perWeek?: number;
                                    lifetime?: number;
                                    cooldownMinutes?: number;
                                };
                                firstTimeBonus?: {
                                    points: number;
                                    growth: number;
                                };
                                streak?: {
                                    /** @description Extra points on day 1, 2, … of consecutive days; the last repeats */
                                    bonuses: number[];
                                };
                                antiAbuse?: {
                                    minTextLength?: number;
                                    duplicateWindowMinutes?: number;
                                };
                            };
                            /** Format: date-time */
                            validFrom: string;
                            versions: {
                                version: number;
                                /** Format: date-time */
                                validFrom: string;
                                createdBy: string;
                                definition: {
                                    /** @description The activity kind the rule rewards (message, check_in, purchase, event_attended …) */
                                    kind: string;
                                    enabled: boolean;
                                    filters: {
                                        communityIds?: number[];
                                        channels?: string[];
                                        minAmount?: number;
                                        properties?: {
                                            [key: string]: string | number | boolean;
                                        };
                                    };
                                    points: ({
                                        /** @enum {string} */
                                        mode: "fixed";
                                        amount: number;
                                    } | {
                                        /** @enum {string} */
                                        mode: "per_amount";
                                        per: number;
                                        amount: number;
                                    }) | null;
                                    growth: ({
                                        /** @enum {string} */
                                        mode: "fixed";
                                        amount: number;
                                    } | {
                                        /** @enum {string} */
                                        mode: "per_amount";
                                        per: number;
                                        amount: number;
                                    }) | null;
                                    /** @description Multiply points by the member's tier points multiplier */
                                    tierMultiplier: boolean;
                                    limits: {
                                        perDay?: number;
                                        perWeek?: number;
                                        lifetime?: number;
                                        cooldownMinutes?: number;
                                    };
                                    firstTimeBonus?: {
                                        points: number;
                                        growth: number;
                                    };
                                    streak?: {
                                        /** @description Extra points on day 1, 2, … of consecutive days; the last repeats */
                                        bonuses: number[];
                                    };
                                    antiAbuse?: {
                                        minTextLength?: number;
                                        duplicateWindowMinutes?: number;
                                    };
                                };
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loyalty/rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One rule with its versions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            currentVersion: number;
                            definition: {
                                /** @description The activity kind the rule rewards (message, check_in, purchase, event_attended …) */
                                kind: string;
                                enabled: boolean;
                                filters: {
                                    communityIds?: number[];
                                    channels?: string[];
                                    minAmount?: number;
                                    properties?: {
                                        [key: string]: string | number | boolean;
                                    };
                                };
                                points: ({
                                    /** @enum {string} */
                                    mode: "fixed";
                                    amount: number;
                                } | {
                                    /** @enum {string} */
                                    mode: "per_amount";
                                    per: number;
                                    amount: number;
                                }) | null;
                                growth: ({
                                    /** @enum {string} */
                                    mode: "fixed";
                                    amount: number;
                                } | {
                                    /** @enum {string} */
                                    mode: "per_amount";
                                    per: number;
                                    amount: number;
                                }) | null;
                                /** @description Multiply points by the member's tier points multiplier */
                                tierMultiplier: boolean;
                                limits: {
                                    perDay?: number;
                                    perWeek?: number;
                                    lifetime?: number;
                                    cooldownMinutes?: number;
                                };
                                firstTimeBonus?: {
                                    points: number;
                                    growth: number;
                                };
                                streak?: {
                                    /** @description Extra points on day 1, 2, … of consecutive days; the last repeats */
                                    bonuses: number[];
                                };
                                antiAbuse?: {
                                    minTextLength?: number;
                                    duplicateWindowMinutes?: number;
                                };
                            };
                            /** Format: date-time */
                            validFrom: string;
                            versions: {
                                version: number;
                                /** Format: date-time */
                                validFrom: string;
                                createdBy: string;
                                definition: {
                                    /** @description The activity kind the rule rewards (message, check_in, purchase, event_attended …) */
                                    kind: string;
                                    enabled: boolean;
                                    filters: {
                                        communityIds?: number[];
                                        channels?: string[];
                                        minAmount?: number;
                                        properties?: {
                                            [key: string]: string | number | boolean;
                                        };
                                    };
                                    points: ({
                                        /** @enum {string} */
                                        mode: "fixed";
                                        amount: number;
                                    } | {
                                        /** @enum {string} */
                                        mode: "per_amount";
                                        per: number;
                                        amount: number;
                                    }) | null;
                                    growth: ({
                                        /** @enum {string} */
                                        mode: "fixed";
                                        amount: number;
                                    } | {
                                        /** @enum {string} */
                                        mode: "per_amount";
                                        per: number;
                                        amount: number;
                                    }) | null;
                                    /** @description Multiply points by the member's tier points multiplier */
                                    tierMultiplier: boolean;
                                    limits: {
                                        perDay?: number;
                                        perWeek?: number;
                                        lifetime?: number;
                                        cooldownMinutes?: number;
                                    };
                                    firstTimeBonus?: {
                                        points: number;
                                        growth: number;
                                    };
                                    streak?: {
                                        /** @description Extra points on day 1, 2, … of consecutive days; the last repeats */
                                        bonuses: number[];
                                    };
                                    antiAbuse?: {
                                        minTextLength?: number;
                                        duplicateWindowMinutes?: number;
                                    };
                                };
                            }[];
                        };
                    };
                };
            };
        };
        /** Change a rule: a new version, in force from validFrom */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        definition: {
                            /** @description The activity kind the rule rewards (message, check_in, purchase, event_attended …) */
                            kind: string;
                            enabled: boolean;
                            filters: {
                                communityIds?: number[];
                                channels?: string[];
                                minAmount?: number;
                                properties?: {
                                    [key: string]: string | number | boolean;
                                };
                            };
                            points: ({
                                /** @enum {string} */
                                mode: "fixed";
                                amount: number;
                            } | {
                                /** @enum {string} */
                                mode: "per_amount";
                                per: number;
                                amount: number;
                            }) | null;
                            growth: ({
                                /** @enum {string} */
                                mode: "fixed";
                                amount: number;
                            } | {
                                /** @enum {string} */
                                mode: "per_amount";
                                per: number;
                                amount: number;
                            }) | null;
                            /** @description Multiply points by the member's tier points multiplier */
                            tierMultiplier: boolean;
                            limits: {
                                perDay?: number;
                                perWeek?: number;
                                lifetime?: number;
                                cooldownMinutes?: number;
                            };
                            firstTimeBonus?: {
                                points: number;
                                growth: number;
                            };
                            streak?: {
                                /** @description Extra points on day 1, 2, … of consecutive days; the last repeats */
                                bonuses: number[];
                            };
                            antiAbuse?: {
                                minTextLength?: number;
                                duplicateWindowMinutes?: number;
                            };
                        };
                        /** Format: date-time */
                        validFrom?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            currentVersion: number;
                            definition: {
                                /** @description The activity kind the rule rewards (message, check_in, purchase, event_attended …) */
                                kind: string;
                                enabled: boolean;
                                filters: {
                                    communityIds?: number[];
                                    channels?: string[];
                                    minAmount?: number;
                                    properties?: {
                                        [key: string]: string | number | boolean;
                                    };
                                };
                                points: ({
                                    /** @enum {string} */
                                    mode: "fixed";
                                    amount: number;
                                } | {
                                    /** @enum {string} */
                                    mode: "per_amount";
                                    per: number;
                                    amount: number;
                                }) | null;
                                growth: ({
                                    /** @enum {string} */
                                    mode: "fixed";
                                    amount: number;
                                } | {
                                    /** @enum {string} */
                                    mode: "per_amount";
                                    per: number;
                                    amount: number;
                                }) | null;
                                /** @description Multiply points by the member's tier points multiplier */
                                tierMultiplier: boolean;
                                limits: {
                                    perDay?: number;
                                    perWeek?: number;
                                    lifetime?: number;
                                    cooldownMinutes?: number;
                                };
                                firstTimeBonus?: {
                                    points: number;
                                    growth: number;
                                };
                                streak?: {
                                    /** @description Extra points on day 1, 2, … of consecutive days; the last repeats */
                                    bonuses: number[];
                                };
                                antiAbuse?: {
                                    minTextLength?: number;
                                    duplicateWindowMinutes?: number;
                                };
                            };
                            /** Format: date-time */
                            validFrom: string;
                            versions: {
                                version: number;
                                /** Format: date-time */
                                validFrom: string;
                                createdBy: string;
                                definition: {
                                    /** @description The activity kind the rule rewards (message, check_in, purchase, event_attended …) */
                                    kind: string;
                                    enabled: boolean;
                                    filters: {
                                        communityIds?: number[];
                                        channels?: string[];
                                        minAmount?: number;
                                        properties?: {
                                            [key: string]: string | number | boolean;
                                        };
                                    };
                                    points: ({
                                        /** @enum {string} */
                                        mode: "fixed";
                                        amount: number;
                                    } | {
                                        /** @enum {string} */
                                        mode: "per_amount";
                                        per: number;
                                        amount: number;
                                    }) | null;
                                    growth: ({
                                        /** @enum {string} */
                                        mode: "fixed";
                                        amount: number;
                                    } | {
                                        /** @enum {string} */
                                        mode: "per_amount";
                                        per: number;
                                        amount: number;
                                    }) | null;
                                    /** @description Multiply points by the member's tier points multiplier */
                                    tierMultiplier: boolean;
                                    limits: {
                                        perDay?: number;
                                        perWeek?: number;
                                        lifetime?: number;
                                        cooldownMinutes?: number;
                                    };
                                    firstTimeBonus?: {
                                        points: number;
                                        growth: number;
                                    };
                                    streak?: {
                                        /** @description Extra points on day 1, 2, … of consecutive days; the last repeats */
                                        bonuses: number[];
                                    };
                                    antiAbuse?: {
                                        minTextLength?: number;
                                        duplicateWindowMinutes?: number;
                                    };
                                };
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loyalty/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Recompute rule postings from the activity history since a date and post only the differences */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        from: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            members: number;
                            activities: number;
                            added: number;
                            reversed: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loyalty/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recompute every balance from the ledger and list any drift (must be none) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            accounts: number;
                            postings: number;
                            drift: {
                                memberId: number;
                                balance: number | null;
                                ledgerPoints: number;
                                growthLifetime: number | null;
                                ledgerGrowth: number;
                                lotsRemaining: number;
                            }[];
                            growthDrift: {
                                memberId: number;
                                month: string;
                                rollup: number | null;
                                ledger: number | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loyalty/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Manual adjustments, newest first (pending ones wait for approval) */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "posted" | "rejected";
                    memberId?: number;
                    limit?: number;
                    /** @description Opaque cursor from the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                memberId: number;
                                points: number;
                                reason: string;
                                /** @enum {unknown} */
                                status: "pending" | "posted" | "rejected";
                                requestedBy: string;
                                /** @description The caller asked for it: a second person must approve or reject it, so the caller cannot */
                                requestedByYou: boolean;
                                decidedBy: string | null;
                                decidedAt: string | null;
                                decisionNote: string | null;
                                postingId: number | null;
                                /** Format: date-time */
                                createdAt: string;
                                memberName: string;
                                memberAvatarUrl: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loyalty/adjustments/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a pending adjustment (not the requester) and post it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            memberId: number;
                            points: number;
                            reason: string;
                            /** @enum {unknown} */
                            status: "pending" | "posted" | "rejected";
                            requestedBy: string;
                            /** @description The caller asked for it: a second person must approve or reject it, so the caller cannot */
                            requestedByYou: boolean;
                            decidedBy: string | null;
                            decidedAt: string | null;
                            decisionNote: string | null;
                            postingId: number | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loyalty/adjustments/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a pending adjustment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            memberId: number;
                            points: number;
                            reason: string;
                            /** @enum {unknown} */
                            status: "pending" | "posted" | "rejected";
                            requestedBy: string;
                            /** @description The caller asked for it: a second person must approve or reject it, so the caller cannot */
                            requestedByYou: boolean;
                            decidedBy: string | null;
                            decidedAt: string | null;
                            decisionNote: string | null;
                            postingId: number | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}/loyalty": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A member's tier, growth, points, expiring lots and tier history with reasons */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            memberId: number;
                            points: {
                                balance: number;
                                /** @description Points that expire, by the instant they do (the lots' expiresAt) */
                                expiring: {
                                    /** Format: date-time */
                                    expiresAt: string;
                                    /** @description The last workspace day the points can be used: the day before expiresAt */
                                    lastDay: string;
                                    points: number;
                                }[];
                                lots: {
                                    postingId: number;
                                    amount: number;
                                    remaining: number;
                                    /** Format: date-time */
                                    earnedAt: string;
                                    expiresAt: string | null;
                                }[];
                            };
                            growth: {
                                window: number;
                                lifetime: number;
                                windowMonths: number | null;
                            };
                            tier: {
                                current: {
                                    id: number;
                                    nameZh: string;
                                    nameEn: string;
                                    threshold: number;
                                    keepThreshold: number | null;
                                    effectiveKeepThreshold: number;
                                    benefits: ({
                                        /** @enum {string} */
                                        type: "points_multiplier";
                                        value: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "discount";
                                        percent: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "exclusive_events";
                                    } | {
                                        /** @enum {string} */
                                        type: "priority_service";
                                    } | {
                                        /** @enum {string} */
                                        type: "text";
                                        zh: string;
                                        en: string;
                                    })[];
                                    obligations: {
                                        /** @enum {string} */
                                        type: "min_activities";
                                        count: number;
                                        /** @description Activity kinds that count; empty = all */
                                        kinds: string[];
                                    }[];
                                    color: string;
                                } | null;
                                earned: {
                                    id: number;
                                    nameZh: string;
                                    nameEn: string;
                                    threshold: number;
                                    keepThreshold: number | null;
                                    effectiveKeepThreshold: number;
                                    benefits: ({
                                        /** @enum {string} */
                                        type: "points_multiplier";
                                        value: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "discount";
                                        percent: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "exclusive_events";
                                    } | {
                                        /** @enum {string} */
                                        type: "priority_service";
                                    } | {
                                        /** @enum {string} */
                                        type: "text";
                                        zh: string;
                                        en: string;
                                    })[];
                                    obligations: {
                                        /** @enum {string} */
                                        type: "min_activities";
                                        count: number;
                                        /** @description Activity kinds that count; empty = all */
                                        kinds: string[];
                                    }[];
                                    color: string;
                                } | null;
                                manual: {
                                    tierId: number;
                                    until: string | null;
                                    reason: string;
                                } | null;
                                since: string | null;
                                belowKeepSince: string | null;
                                next: {
                                    tier: {
                                        id: number;
                                        nameZh: string;
                                        nameEn: string;
                                        threshold: number;
                                        keepThreshold: number | null;
                                        effectiveKeepThreshold: number;
                                        benefits: ({
                                            /** @enum {string} */
                                            type: "points_multiplier";
                                            value: number;
                                        } | {
                                            /** @enum {string} */
                                            type: "discount";
                                            percent: number;
                                        } | {
                                            /** @enum {string} */
                                            type: "exclusive_events";
                                        } | {
                                            /** @enum {string} */
                                            type: "priority_service";
                                        } | {
                                            /** @enum {string} */
                                            type: "text";
                                            zh: string;
                                            en: string;
                                        })[];
                                        obligations: {
                                            /** @enum {string} */
                                            type: "min_activities";
                                            count: number;
                                            /** @description Activity kinds that count; empty = all */
                                            kinds: string[];
                                        }[];
                                        color: string;
                                    };
                                    needed: number;
                                    percent: number;
                                } | null;
                            };
                            history: {
                                id: number;
                                /** @enum {unknown} */
                                change: "promoted" | "demoted" | "manual" | "manual_ended";
                                fromTierId: number | null;
                                toTierId: number | null;
                                reason: string;
                                details: unknown;
                                actor: string;
                                /** Format: date-time */
                                effectiveAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}/loyalty/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A member's points ledger, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque cursor from the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** @enum {unknown} */
                                kind: "earn" | "spend" | "expire" | "adjust" | "reverse";
                                points: number;
                                growth: number;
                                reason: string;
                                ruleId: number | null;
                                ruleVersion: number | null;
                                activityId: number | null;
                                orderId: number | null;
                                redemptionId: number | null;
                                reversesId: number | null;
                                /** Format: date-time */
                                occurredAt: string;
                                expiresAt: string | null;
                                details: unknown;
                                actor: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}/loyalty/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Adjust points by hand with a reason; large adjustments wait for a second operator */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Points to add (positive) or take (negative) */
                        points: number;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            memberId: number;
                            points: number;
                            reason: string;
                            /** @enum {unknown} */
                            status: "pending" | "posted" | "rejected";
                            requestedBy: string;
                            /** @description The caller asked for it: a second person must approve or reject it, so the caller cannot */
                            requestedByYou: boolean;
                            decidedBy: string | null;
                            decidedAt: string | null;
                            decisionNote: string | null;
                            postingId: number | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}/loyalty/tier": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Assign a tier by hand (wins while valid) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        tierId: number;
                        reason: string;
                        until?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            memberId: number;
                            points: {
                                balance: number;
                                /** @description Points that expire, by the instant they do (the lots' expiresAt) */
                                expiring: {
                                    /** Format: date-time */
                                    expiresAt: string;
                                    /** @description The last workspace day the points can be used: the day before expiresAt */
                                    lastDay: string;
                                    points: number;
                                }[];
                                lots: {
                                    postingId: number;
                                    amount: number;
                                    remaining: number;
                                    /** Format: date-time */
                                    earnedAt: string;
                                    expiresAt: string | null;
                                }[];
                            };
                            growth: {
                                window: number;
                                lifetime: number;
                                windowMonths: number | null;
                            };
                            tier: {
                                current: {
                                    id: number;
                                    nameZh: string;
                                    nameEn: string;
                                    threshold: number;
                                    keepThreshold: number | null;
                                    effectiveKeepThreshold: number;
                                    benefits: ({
                                        /** @enum {string} */
                                        type: "points_multiplier";
                                        value: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "discount";
                                        percent: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "exclusive_events";
                                    } | {
                                        /** @enum {string} */
                                        type: "priority_service";
                                    } | {
                                        /** @enum {string} */
                                        type: "text";
                                        zh: string;
                                        en: string;
                                    })[];
                                    obligations: {
                                        /** @enum {string} */
                                        type: "min_activities";
                                        count: number;
                                        /** @description Activity kinds that count; empty = all */
                                        kinds: string[];
                                    }[];
                                    color: string;
                                } | null;
                                earned: {
                                    id: number;
                                    nameZh: string;
                                    nameEn: string;
                                    threshold: number;
                                    keepThreshold: number | null;
                                    effectiveKeepThreshold: number;
                                    benefits: ({
                                        /** @enum {string} */
                                        type: "points_multiplier";
                                        value: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "discount";
                                        percent: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "exclusive_events";
                                    } | {
                                        /** @enum {string} */
                                        type: "priority_service";
                                    } | {
                                        /** @enum {string} */
                                        type: "text";
                                        zh: string;
                                        en: string;
                                    })[];
                                    obligations: {
                                        /** @enum {string} */
                                        type: "min_activities";
                                        count: number;
                                        /** @description Activity kinds that count; empty = all */
                                        kinds: string[];
                                    }[];
                                    color: string;
                                } | null;
                                manual: {
                                    tierId: number;
                                    until: string | null;
                                    reason: string;
                                } | null;
                                since: string | null;
                                belowKeepSince: string | null;
                                next: {
                                    tier: {
                                        id: number;
                                        nameZh: string;
                                        nameEn: string;
                                        threshold: number;
                                        keepThreshold: number | null;
                                        effectiveKeepThreshold: number;
                                        benefits: ({
                                            /** @enum {string} */
                                            type: "points_multiplier";
                                            value: number;
                                        } | {
                                            /** @enum {string} */
                                            type: "discount";
                                            percent: number;
                                        } | {
                                            /** @enum {string} */
                                            type: "exclusive_events";
                                        } | {
                                            /** @enum {string} */
                                            type: "priority_service";
                                        } | {
                                            /** @enum {string} */
                                            type: "text";
                                            zh: string;
                                            en: string;
                                        })[];
                                        obligations: {
                                            /** @enum {string} */
                                            type: "min_activities";
                                            count: number;
                                            /** @description Activity kinds that count; empty = all */
                                            kinds: string[];
                                        }[];
                                        color: string;
                                    };
                                    needed: number;
                                    percent: number;
                                } | null;
                            };
                            history: {
                                id: number;
                                /** @enum {unknown} */
                                change: "promoted" | "demoted" | "manual" | "manual_ended";
                                fromTierId: number | null;
                                toTierId: number | null;
                                reason: string;
                                details: unknown;
                                actor: string;
                                /** Format: date-time */
                                effectiveAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        /** End a manual tier assignment */
        delete: {
            parameters: {
                query?: {
                    reason?: string;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            memberId: number;
                            points: {
                                balance: number;
                                /** @description Points that expire, by the instant they do (the lots' expiresAt) */
                                expiring: {
                                    /** Format: date-time */
                                    expiresAt: string;
                                    /** @description The last workspace day the points can be used: the day before expiresAt */
                                    lastDay: string;
                                    points: number;
                                }[];
                                lots: {
                                    postingId: number;
                                    amount: number;
                                    remaining: number;
                                    /** Format: date-time */
                                    earnedAt: string;
                                    expiresAt: string | null;
                                }[];
                            };
                            growth: {
                                window: number;
                                lifetime: number;
                                windowMonths: number | null;
                            };
                            tier: {
                                current: {
                                    id: number;
                                    nameZh: string;
                                    nameEn: string;
                                    threshold: number;
                                    keepThreshold: number | null;
                                    effectiveKeepThreshold: number;
                                    benefits: ({
                                        /** @enum {string} */
                                        type: "points_multiplier";
                                        value: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "discount";
                                        percent: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "exclusive_events";
                                    } | {
                                        /** @enum {string} */
                                        type: "priority_service";
                                    } | {
                                        /** @enum {string} */
                                        type: "text";
                                        zh: string;
                                        en: string;
                                    })[];
                                    obligations: {
                                        /** @enum {string} */
                                        type: "min_activities";
                                        count: number;
                                        /** @description Activity kinds that count; empty = all */
                                        kinds: string[];
                                    }[];
                                    color: string;
                                } | null;
                                earned: {
                                    id: number;
                                    nameZh: string;
                                    nameEn: string;
                                    threshold: number;
                                    keepThreshold: number | null;
                                    effectiveKeepThreshold: number;
                                    benefits: ({
                                        /** @enum {string} */
                                        type: "points_multiplier";
                                        value: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "discount";
                                        percent: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "exclusive_events";
                                    } | {
                                        /** @enum {string} */
                                        type: "priority_service";
                                    } | {
                                        /** @enum {string} */
                                        type: "text";
                                        zh: string;
                                        en: string;
                                    })[];
                                    obligations: {
                                        /** @enum {string} */
                                        type: "min_activities";
                                        count: number;
                                        /** @description Activity kinds that count; empty = all */
                                        kinds: string[];
                                    }[];
                                    color: string;
                                } | null;
                                manual: {
                                    tierId: number;
                                    until: string | null;
                                    reason: string;
                                } | null;
                                since: string | null;
                                belowKeepSince: string | null;
                                next: {
                                    tier: {
                                        id: number;
                                        nameZh: string;
                                        nameEn: string;
                                        threshold: number;
                                        keepThreshold: number | null;
                                        effectiveKeepThreshold: number;
                                        benefits: ({
                                            /** @enum {string} */
                                            type: "points_multiplier";
                                            value: number;
                                        } | {
                                            /** @enum {string} */
                                            type: "discount";
                                            percent: number;
                                        } | {
                                            /** @enum {string} */
                                            type: "exclusive_events";
                                        } | {
                                            /** @enum {string} */
                                            type: "priority_service";
                                        } | {
                                            /** @enum {string} */
                                            type: "text";
                                            zh: string;
                                            en: string;
                                        })[];
                                        obligations: {
                                            /** @enum {string} */
                                            type: "min_activities";
                                            count: number;
                                            /** @description Activity kinds that count; empty = all */
                                            kinds: string[];
                                        }[];
                                        color: string;
                                    };
                                    needed: number;
                                    percent: number;
                                } | null;
                            };
                            history: {
                                id: number;
                                /** @enum {unknown} */
                                change: "promoted" | "demoted" | "manual" | "manual_ended";
                                fromTierId: number | null;
                                toTierId: number | null;
                                reason: string;
                                details: unknown;
                                actor: string;
                                /** Format: date-time */
                                effectiveAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loyalty/rewards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rewards catalogue 奖励 (archived ones when asked) */
        get: {
            parameters: {
                query?: {
                    archived?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                nameZh: string;
                                nameEn: string;
                                description: string;
                                /** @enum {unknown} */
                                type: "gift" | "coupon" | "privilege" | "honour";
                                cost: number;
                                stock: number | null;
                                redeemed: number;
                                available: number | null;
                                perMemberLimit: number | null;
                                tierIds: number[];
                                validFrom: string | null;
                                validUntil: string | null;
                                archived: boolean;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a reward */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        nameZh: string;
                        nameEn: string;
                        description?: string;
                        /**
                         * @description gift 礼品, coupon 优惠券 (codes from an uploaded pool), privilege 特权, honour 荣誉
                         * @enum {unknown}
                         */
                        type: "gift" | "coupon" | "privilege" | "honour";
                        /** @description Points it costs */
                        cost: number;
                        /** @description How many in all; null = no limit; coupons: the uploaded codes */
                        stock?: number | null;
                        perMemberLimit?: number | null;
                        /** @description Tiers that may redeem it; empty = all */
                        tierIds?: number[];
                        validFrom?: string | null;
                        validUntil?: string | null;
                        archived?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            nameZh: string;
                            nameEn: string;
                            description: string;
                            /** @enum {unknown} */
                            type: "gift" | "coupon" | "privilege" | "honour";
                            cost: number;
                            stock: number | null;
                            redeemed: number;
                            available: number | null;
                            perMemberLimit: number | null;
                            tierIds: number[];
                            validFrom: string | null;
                            validUntil: string | null;
                            archived: boolean;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loyalty/rewards/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change a reward (stock, cost, dates, archive) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        nameZh: string;
                        nameEn: string;
                        description?: string;
                        /**
                         * @description gift 礼品, coupon 优惠券 (codes from an uploaded pool), privilege 特权, honour 荣誉
                         * @enum {unknown}
                         */
                        type: "gift" | "coupon" | "privilege" | "honour";
                        /** @description Points it costs */
                        cost: number;
                        /** @description How many in all; null = no limit; coupons: the uploaded codes */
                        stock?: number | null;
                        perMemberLimit?: number | null;
                        /** @description Tiers that may redeem it; empty = all */
                        tierIds?: number[];
                        validFrom?: string | null;
                        validUntil?: string | null;
                        archived?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            nameZh: string;
                            nameEn: string;
                            description: string;
                            /** @enum {unknown} */
                            type: "gift" | "coupon" | "privilege" | "honour";
                            cost: number;
                            stock: number | null;
                            redeemed: number;
                            available: number | null;
                            perMemberLimit: number | null;
                            tierIds: number[];
                            validFrom: string | null;
                            validUntil: string | null;
                            archived: boolean;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loyalty/rewards/{id}/codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload codes to a coupon's pool */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description One code per line (or comma-separated) */
                        codes: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            added: number;
                            alreadyInPool: string[];
                            rejected: {
                                line: number;
                                message: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loyalty/redemptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Redemptions, newest first (status=requested is the queue to fulfil) */
        get: {
            parameters: {
                query?: {
                    status?: "requested" | "fulfilled" | "cancelled";
                    memberId?: number;
                    rewardId?: number;
                    limit?: number;
                    /** @description Opaque cursor from the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                rewardId: number;
                                memberId: number;
                                /** @enum {unknown} */
                                status: "requested" | "fulfilled" | "cancelled";
                                points: number;
                                couponCode: string | null;
                                requestedBy: string;
                                decidedBy: string | null;
                                note: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                fulfilledAt: string | null;
                                cancelledAt: string | null;
                                rewardNameZh: string | null;
                                rewardNameEn: string | null;
                                memberName: string;
                                memberAvatarUrl: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}/loyalty/rewards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rewards as this member sees them: each with whether they can redeem it now, and why not */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                nameZh: string;
                                nameEn: string;
                                description: string;
                                /** @enum {unknown} */
                                type: "gift" | "coupon" | "privilege" | "honour";
                                cost: number;
                                stock: number | null;
                                redeemed: number;
                                available: number | null;
                                perMemberLimit: number | null;
                                tierIds: number[];
                                validFrom: string | null;
                                validUntil: string | null;
                                archived: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                canRedeem: boolean;
                                refusal: string | null;
                                refusalMessage: string | null;
                                refusalParams: {
                                    [key: string]: unknown;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}/loyalty/redemptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Redeem a reward for a member (e.g. at the counter) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rewardId: number;
                        /** @description The same key for a retried request: it stays one redemption */
                        idempotencyKey: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            rewardId: number;
                            memberId: number;
                            /** @enum {unknown} */
                            status: "requested" | "fulfilled" | "cancelled";
                            points: number;
                            couponCode: string | null;
                            requestedBy: string;
                            decidedBy: string | null;
                            note: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            fulfilledAt: string | null;
                            cancelledAt: string | null;
                            rewardNameZh: string | null;
                            rewardNameEn: string | null;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            rewardId: number;
                            memberId: number;
                            /** @enum {unknown} */
                            status: "requested" | "fulfilled" | "cancelled";
                            points: number;
                            couponCode: string | null;
                            requestedBy: string;
                            decidedBy: string | null;
                            note: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            fulfilledAt: string | null;
                            cancelledAt: string | null;
                            rewardNameZh: string | null;
                            rewardNameEn: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loyalty/redemptions/{id}/fulfil": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a redemption fulfilled (gift sent, privilege granted) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            rewardId: number;
                            memberId: number;
                            /** @enum {unknown} */
                            status: "requested" | "fulfilled" | "cancelled";
                            points: number;
                            couponCode: string | null;
                            requestedBy: string;
                            decidedBy: string | null;
                            note: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            fulfilledAt: string | null;
                            cancelledAt: string | null;
                            rewardNameZh: string | null;
                            rewardNameEn: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loyalty/redemptions/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a redemption: points back, stock freed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            rewardId: number;
                            memberId: number;
                            /** @enum {unknown} */
                            status: "requested" | "fulfilled" | "cancelled";
                            points: number;
                            couponCode: string | null;
                            requestedBy: string;
                            decidedBy: string | null;
                            note: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            fulfilledAt: string | null;
                            cancelledAt: string | null;
                            rewardNameZh: string | null;
                            rewardNameEn: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loyalty/badges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Badges 勋章 and honour titles 荣誉称号 with how many hold each */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                nameZh: string;
                                nameEn: string;
                                description: string;
                                color: string;
                                criteria: ({
                                    /** @enum {string} */
                                    type: "activity_count";
                                    kinds: string[];
                                    count: number;
                                    properties?: {
                                        [key: string]: string | number | boolean;
                                    };
                                } | {
                                    /** @enum {string} */
                                    type: "top_contributor";
                                    top: number;
                                    /** @enum {unknown} */
                                    metric: "growth" | "activities";
                                    kinds?: string[];
                                }) | null;
                                archived: boolean;
                                holders: number;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a badge (criteria: awarded automatically each night; null: by hand only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        nameZh: string;
                        nameEn: string;
                        description?: string;
                        color?: string;
                        criteria: ({
                            /** @enum {string} */
                            type: "activity_count";
                            kinds: string[];
                            count: number;
                            properties?: {
                                [key: string]: string | number | boolean;
                            };
                        } | {
                            /** @enum {string} */
                            type: "top_contributor";
                            top: number;
                            /** @enum {unknown} */
                            metric: "growth" | "activities";
                            kinds?: string[];
                        }) | null;
                        archived?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            nameZh: string;
                            nameEn: string;
                            description: string;
                            color: string;
                            criteria: ({
                                /** @enum {string} */
                                type: "activity_count";
                                kinds: string[];
                                count: number;
                                properties?: {
                                    [key: string]: string | number | boolean;
                                };
                            } | {
                                /** @enum {string} */
                                type: "top_contributor";
                                top: number;
                                /** @enum {unknown} */
                                metric: "growth" | "activities";
                                kinds?: string[];
                            }) | null;
                            archived: boolean;
                            holders: number;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loyalty/badges/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change a badge */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        nameZh: string;
                        nameEn: string;
                        description?: string;
                        color?: string;
                        criteria: ({
                            /** @enum {string} */
                            type: "activity_count";
                            kinds: string[];
                            count: number;
                            properties?: {
                                [key: string]: string | number | boolean;
                            };
                        } | {
                            /** @enum {string} */
                            type: "top_contributor";
                            top: number;
                            /** @enum {unknown} */
                            metric: "growth" | "activities";
                            kinds?: string[];
                        }) | null;
                        archived?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            nameZh: string;
                            nameEn: string;
                            description: string;
                            color: string;
                            criteria: ({
                                /** @enum {string} */
                                type: "activity_count";
                                kinds: string[];
                                count: number;
                                properties?: {
                                    [key: string]: string | number | boolean;
                                };
                            } | {
                                /** @enum {string} */
                                type: "top_contributor";
                                top: number;
                                /** @enum {unknown} */
                                metric: "growth" | "activities";
                                kinds?: string[];
                            }) | null;
                            archived: boolean;
                            holders: number;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}/loyalty/badges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A member's badges and titles */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                badgeId: number;
                                period: string;
                                /** Format: date-time */
                                awardedAt: string;
                                awardedBy: string;
                                reason: string;
                                criteria: (({
                                    /** @enum {string} */
                                    type: "activity_count";
                                    kinds: string[];
                                    count: number;
                                    properties?: {
                                        [key: string]: string | number | boolean;
                                    };
                                } | {
                                    /** @enum {string} */
                                    type: "top_contributor";
                                    top: number;
                                    /** @enum {unknown} */
                                    metric: "growth" | "activities";
                                    kinds?: string[];
                                }) | null) | null;
                                nameZh: string;
                                nameEn: string;
                                color: string;
                                description: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Award a badge by hand */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        badgeId: number;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}/loyalty/badges/{awardId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take a badge back */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    awardId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/loyalty": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My tier, progress to the next, benefits, points, expiring points and tier history */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            memberId: number;
                            points: {
                                balance: number;
                                /** @description Points that expire, by the instant they do (the lots' expiresAt) */
                                expiring: {
                                    /** Format: date-time */
                                    expiresAt: string;
                                    /** @description The last workspace day the points can be used: the day before expiresAt */
                                    lastDay: string;
                                    points: number;
                                }[];
                                lots: {
                                    postingId: number;
                                    amount: number;
                                    remaining: number;
                                    /** Format: date-time */
                                    earnedAt: string;
                                    expiresAt: string | null;
                                }[];
                            };
                            growth: {
                                window: number;
                                lifetime: number;
                                windowMonths: number | null;
                            };
                            tier: {
                                current: {
                                    id: number;
                                    nameZh: string;
                                    nameEn: string;
                                    threshold: number;
                                    keepThreshold: number | null;
                                    effectiveKeepThreshold: number;
                                    benefits: ({
                                        /** @enum {string} */
                                        type: "points_multiplier";
                                        value: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "discount";
                                        percent: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "exclusive_events";
                                    } | {
                                        /** @enum {string} */
                                        type: "priority_service";
                                    } | {
                                        /** @enum {string} */
                                        type: "text";
                                        zh: string;
                                        en: string;
                                    })[];
                                    obligations: {
                                        /** @enum {string} */
                                        type: "min_activities";
                                        count: number;
                                        /** @description Activity kinds that count; empty = all */
                                        kinds: string[];
                                    }[];
                                    color: string;
                                } | null;
                                earned: {
                                    id: number;
                                    nameZh: string;
                                    nameEn: string;
                                    threshold: number;
                                    keepThreshold: number | null;
                                    effectiveKeepThreshold: number;
                                    benefits: ({
                                        /** @enum {string} */
                                        type: "points_multiplier";
                                        value: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "discount";
                                        percent: number;
                                    } | {
                                        /** @enum {string} */
                                        type: "exclusive_events";
                                    } | {
                                        /** @enum {string} */
                                        type: "priority_service";
                                    } | {
                                        /** @enum {string} */
                                        type: "text";
                                        zh: string;
                                        en: string;
                                    })[];
                                    obligations: {
                                        /** @enum {string} */
                                        type: "min_activities";
                                        count: number;
                                        /** @description Activity kinds that count; empty = all */
                                        kinds: string[];
                                    }[];
                                    color: string;
                                } | null;
                                manual: {
                                    tierId: number;
                                    until: string | null;
                                    reason: string;
                                } | null;
                                since: string | null;
                                belowKeepSince: string | null;
                                next: {
                                    tier: {
                                        id: number;
                                        nameZh: string;
                                        nameEn: string;
                                        threshold: number;
                                        keepThreshold: number | null;
                                        effectiveKeepThreshold: number;
                                        benefits: ({
                                            /** @enum {string} */
                                            type: "points_multiplier";
                                            value: number;
                                        } | {
                                            /** @enum {string} */
                                            type: "discount";
                                            percent: number;
                                        } | {
                                            /** @enum {string} */
                                            type: "exclusive_events";
                                        } | {
                                            /** @enum {string} */
                                            type: "priority_service";
                                        } | {
                                            /** @enum {string} */
                                            type: "text";
                                            zh: string;
                                            en: string;
                                        })[];
                                        obligations: {
                                            /** @enum {string} */
                                            type: "min_activities";
                                            count: number;
                                            /** @description Activity kinds that count; empty = all */
                                            kinds: string[];
                                        }[];
                                        color: string;
                                    };
                                    needed: number;
                                    percent: number;
                                } | null;
                            };
                            history: {
                                id: number;
                                /** @enum {unknown} */
                                change: "promoted" | "demoted" | "manual" | "manual_ended";
                                fromTierId: number | null;
                                toTierId: number | null;
                                reason: string;
                                details: unknown;
                                actor: string;
                                /** Format: date-time */
                                effectiveAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/loyalty/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My points history, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque cursor from the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** @enum {unknown} */
                                kind: "earn" | "spend" | "expire" | "adjust" | "reverse";
                                points: number;
                                growth: number;
                                reason: string;
                                ruleId: number | null;
                                ruleVersion: number | null;
                                activityId: number | null;
                                orderId: number | null;
                                redemptionId: number | null;
                                reversesId: number | null;
                                /** Format: date-time */
                                occurredAt: string;
                                expiresAt: string | null;
                                details: unknown;
                                actor: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/rewards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rewards, each with whether I can redeem it now and why not */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                nameZh: string;
                                nameEn: string;
                                description: string;
                                /** @enum {unknown} */
                                type: "gift" | "coupon" | "privilege" | "honour";
                                cost: number;
                                stock: number | null;
                                redeemed: number;
                                available: number | null;
                                perMemberLimit: number | null;
                                tierIds: number[];
                                validFrom: string | null;
                                validUntil: string | null;
                                archived: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                canRedeem: boolean;
                                refusal: string | null;
                                refusalMessage: string | null;
                                refusalParams: {
                                    [key: string]: unknown;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/redemptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My redemptions, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque cursor from the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                rewardId: number;
                                memberId: number;
                                /** @enum {unknown} */
                                status: "requested" | "fulfilled" | "cancelled";
                                points: number;
                                couponCode: string | null;
                                requestedBy: string;
                                decidedBy: string | null;
                                note: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                fulfilledAt: string | null;
                                cancelledAt: string | null;
                                rewardNameZh: string | null;
                                rewardNameEn: string | null;
                                memberName: string;
                                memberAvatarUrl: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Redeem a reward (send the same idempotencyKey when retrying) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rewardId: number;
                        /** @description The same key for a retried request: it stays one redemption */
                        idempotencyKey: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            rewardId: number;
                            memberId: number;
                            /** @enum {unknown} */
                            status: "requested" | "fulfilled" | "cancelled";
                            points: number;
                            couponCode: string | null;
                            requestedBy: string;
                            decidedBy: string | null;
                            note: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            fulfilledAt: string | null;
                            cancelledAt: string | null;
                            rewardNameZh: string | null;
                            rewardNameEn: string | null;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            rewardId: number;
                            memberId: number;
                            /** @enum {unknown} */
                            status: "requested" | "fulfilled" | "cancelled";
                            points: number;
                            couponCode: string | null;
                            requestedBy: string;
                            decidedBy: string | null;
                            note: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            fulfilledAt: string | null;
                            cancelledAt: string | null;
                            rewardNameZh: string | null;
                            rewardNameEn: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/badges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My badges and honour titles */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                badgeId: number;
                                period: string;
                                /** Format: date-time */
                                awardedAt: string;
                                awardedBy: string;
                                reason: string;
                                criteria: (({
                                    /** @enum {string} */
                                    type: "activity_count";
                                    kinds: string[];
                                    count: number;
                                    properties?: {
                                        [key: string]: string | number | boolean;
                                    };
                                } | {
                                    /** @enum {string} */
                                    type: "top_contributor";
                                    top: number;
                                    /** @enum {unknown} */
                                    metric: "growth" | "activities";
                                    kinds?: string[];
                                }) | null) | null;
                                nameZh: string;
                                nameEn: string;
                                color: string;
                                description: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What Kith runs on: its database, where the data lives, the latest backup and restore */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            database: {
                                /** @description embedded: the PostgreSQL server Kith runs itself; external: DATABASE_URL */
                                kind: "embedded" | "external";
                                /** @description The folder of the embedded cluster, or host:port/database (never credentials) */
                                location: string;
                                version: string;
                                sizeBytes: number;
                            };
                            lastBackup: {
                                /** Format: date-time */
                                at: string;
                                by: string | null;
                                file: string | null;
                                rows: number | null;
                            } | null;
                            lastRestore: {
                                /** Format: date-time */
                                at: string;
                                by: string | null;
                                file: string | null;
                                rows: number | null;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/engagement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Engagement 活跃度: DAU/WAU/MAU, active and participation rates, messages, a daily series (from the rollups) */
        get: {
            parameters: {
                query?: {
                    /** @description First day (YYYY-MM-DD, workspace time zone); default 30 days before `to` */
                    from?: string;
                    /** @description Last day, included (default today) */
                    to?: string;
                    communityId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            period: {
                                /** @description A calendar day of the workspace time zone */
                                from: string;
                                /** @description A calendar day of the workspace time zone */
                                to: string;
                            };
                            communityId: number | null;
                            /** @description Members at the end of the period */
                            members: number;
                            /** @description Members with at least one meaningful activity in the period */
                            activeMembers: number;
                            /** @description Average daily active members over the period (日均活跃), not one day's count */
                            dau: number;
                            /** @description Active in the 7 days ending with the last day */
                            wau: number;
                            /** @description Active in the 30 days ending with the last day */
                            mau: number;
                            /** @description Active members in the period / members (活跃率) */
                            activeRate: number;
                            /** @description Average daily active members / active members in the period (参与度): the share of the period's days an active member was active on, on average */
                            participationRate: number;
                            messages: number;
                            messagesPerActiveMember: number;
                            meaningfulActivities: number;
                            interactionsPerActiveMemberPerWeek: number;
                            days: {
                                /** @description A calendar day of the workspace time zone */
                                day: string;
                                active: number;
                                messages: number;
                                meaningful: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/top-contributors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The 10 members with the most meaningful activities in the period */
        get: {
            parameters: {
                query?: {
                    /** @description First day (YYYY-MM-DD, workspace time zone); default 30 days before `to` */
                    from?: string;
                    /** @description Last day, included (default today) */
                    to?: string;
                    communityId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            period: {
                                /** @description A calendar day of the workspace time zone */
                                from: string;
                                /** @description A calendar day of the workspace time zone */
                                to: string;
                            };
                            communityId: number | null;
                            items: {
                                memberId: number;
                                name: string;
                                meaningful: number;
                                messages: number;
                                activeDays: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/heatmap": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Meaningful activities by weekday and hour of the workspace time zone */
        get: {
            parameters: {
                query?: {
                    /** @description First day (YYYY-MM-DD, workspace time zone); default 30 days before `to` */
                    from?: string;
                    /** @description Last day, included (default today) */
                    to?: string;
                    communityId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            period: {
                                /** @description A calendar day of the workspace time zone */
                                from: string;
                                /** @description A calendar day of the workspace time zone */
                                to: string;
                            };
                            communityId: number | null;
                            cells: {
                                /** @description 1 = Monday … 7 = Sunday */
                                weekday: number;
                                hour: number;
                                n: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/communities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Communities side by side: members, active members, active rate, messages */
        get: {
            parameters: {
                query?: {
                    /** @description First day (YYYY-MM-DD, workspace time zone); default 30 days before `to` */
                    from?: string;
                    /** @description Last day, included (default today) */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            period: {
                                /** @description A calendar day of the workspace time zone */
                                from: string;
                                /** @description A calendar day of the workspace time zone */
                                to: string;
                            };
                            items: {
                                id: number;
                                name: string;
                                channel: string;
                                stage: string;
                                members: number;
                                active: number;
                                messages: number;
                                meaningful: number;
                                activeRate: number;
                                messagesPerActiveMember: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Community health 社群健康度: a score from growth, activity and retention, its parts, and advice for the stage */
        get: {
            parameters: {
                query?: {
                    /** @description First day (YYYY-MM-DD, workspace time zone); default 30 days before `to` */
                    from?: string;
                    /** @description Last day, included (default today) */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            period: {
                                /** @description A calendar day of the workspace time zone */
                                from: string;
                                /** @description A calendar day of the workspace time zone */
                                to: string;
                            };
                            previous: {
                                /** @description A calendar day of the workspace time zone */
                                from: string;
                                /** @description A calendar day of the workspace time zone */
                                to: string;
                            };
                            items: {
                                id: number;
                                name: string;
                                stage: string;
                                score: number | null;
                                membersStart: number;
                                membersEnd: number;
                                active: number;
                                activePrevious: number;
                                /** @description Active in the previous period and again in this one */
                                retained: number;
                                parts: {
                                    part: "growth" | "activity" | "retention" | "sentiment";
                                    value: number | null;
                                    score: number | null;
                                }[];
                                weakest: ("growth" | "activity" | "retention" | "sentiment") | null;
                                /** @description Codes and figures, not text: the console words them in the operator's language */
                                advice: {
                                    /** @description The community stage the general advice is for (launch, growth, mature) */
                                    stage: string;
                                    /** @description Every part scoring below 60, weakest first: what the advice is about (the console words it) */
                                    findings: {
                                        part: "growth" | "activity" | "retention" | "sentiment";
                                        score: number;
                                        /** @description The community's own figures behind it: growth {start, end, change %}, activity {active, members, rate %}, retention {previous, retained, rate %} */
                                        params: {
                                            [key: string]: number;
                                        };
                                    }[];
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/cohorts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cohort retention 留存: members by join week or month × periods since joining, for a community or a segment */
        get: {
            parameters: {
                query?: {
                    grain?: "week" | "month";
                    /** @description A day in the first cohort (default: 11 cohorts before `to`) */
                    from?: string;
                    /** @description A day in the last cohort (default today) */
                    to?: string;
                    /** @description Periods since joining to show */
                    periods?: number;
                    communityId?: number;
                    tagId?: number;
                    lifecycleStage?: "acquired" | "activated" | "retained" | "monetised" | "dormant" | "churned";
                    /** @description Members with an identity on this channel */
                    channel?: string;
                    tierId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            grain: "week" | "month";
                            communityId: number | null;
                            from: string;
                            to: string;
                            periods: number;
                            /** @description cells: the maintained cohort cells; segment: computed for the filtered members */
                            source: "cells" | "segment";
                            cohorts: {
                                cohort: string;
                                /** @description Members who joined in the cohort period */
                                size: number;
                                /** @description Active members in period k since joining (k = 0 …), for the periods that have begun */
                                active: number[];
                                rates: number[];
                            }[];
                            /** @description Retention in period k over the cohorts that reached it, weighted by size */
                            average: (number | null)[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/funnel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lifecycle funnel 获客 → 激活 → 留存 → 变现 of the members who joined in the period, with conversions; by community, channel or join source */
        get: {
            parameters: {
                query?: {
                    /** @description First day of joining (default 30 days before `to`) */
                    from?: string;
                    to?: string;
                    communityId?: number;
                    by?: "community" | "channel" | "source";
                    retention?: "week" | "month";
                    retentionPeriod?: number;
                    tagId?: number;
                    lifecycleStage?: "acquired" | "activated" | "retained" | "monetised" | "dormant" | "churned";
                    /** @description Members with an identity on this channel */
                    channel?: string;
                    tierId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            period: {
                                from: string;
                                to: string;
                            };
                            communityId: number | null;
                            by: string | null;
                            rules: {
                                activationMinActivities: number;
                                activationDays: number;
                                retention: "week" | "month";
                                retentionPeriod: number;
                            };
                            total: {
                                key: string | null;
                                name: string | null;
                                acquired: number;
                                activated: number;
                                retained: number;
                                monetised: number;
                                buyers: number;
                                activationRate: number;
                                retentionRate: number;
                                monetisationRate: number;
                                overallRate: number;
                                buyerRate: number;
                                /** @description Joiners whose activation window is still open */
                                activationPending: number;
                                /** @description Activated members whose retention window is still open */
                                retentionPending: number;
                            };
                            groups: {
                                key: string | null;
                                name: string | null;
                                acquired: number;
                                activated: number;
                                retained: number;
                                monetised: number;
                                buyers: number;
                                activationRate: number;
                                retentionRate: number;
                                monetisationRate: number;
                                overallRate: number;
                                buyerRate: number;
                                /** @description Joiners whose activation window is still open */
                                activationPending: number;
                                /** @description Activated members whose retention window is still open */
                                retentionPending: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/lifecycle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members per lifecycle stage (kept by the nightly job) */
        get: {
            parameters: {
                query?: {
                    communityId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            communityId: number | null;
                            updatedAt: string | null;
                            total: number;
                            stages: {
                                /** @enum {unknown} */
                                stage: "acquired" | "activated" | "retained" | "monetised" | "dormant" | "churned";
                                members: number;
                                share: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/lifecycle/update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set every member's lifecycle stage now (it also runs each night) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changed: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/rfm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** RFM layers 分层 with members, revenue and the operating strategy of each; the R × F grid */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            computedAt: string | null;
                            run: {
                                /** @description Buyers scored (0: no order, not fully refunded, by a live member in the window) */
                                scored: number;
                                /** Format: date-time */
                                computedAt: string;
                                /** @description The workspace day the scores are taken as of: recency counts whole days to it, later orders are not read */
                                asOf: string;
                                /** @description The whole workspace days whose orders were read, both included */
                                window: {
                                    /** @description A calendar day of the workspace time zone */
                                    from: string;
                                    /** @description A calendar day of the workspace time zone */
                                    to: string;
                                };
                                windowDays: number;
                            } | null;
                            buyers: number;
                            windowDays: number;
                            /** @description The least orders for F = 2, 3, 4 and 5 (R and M are scored by rank quintiles) */
                            frequencyThresholds: number[];
                            /** @description What each score stands for in the last scoring, and how many buyers hold it */
                            ranges: {
                                r: {
                                    score: number;
                                    min: string | null;
                                    max: string | null;
                                    buyers: number;
                                }[];
                                f: {
                                    score: number;
                                    min: string | null;
                                    max: string | null;
                                    buyers: number;
                                }[];
                                m: {
                                    score: number;
                                    min: string | null;
                                    max: string | null;
                                    buyers: number;
                                }[];
                            };
                            layers: {
                                /** @enum {unknown} */
                                key: "champions" | "loyal" | "potential_loyalist" | "new" | "promising" | "need_attention" | "about_to_sleep" | "at_risk" | "cant_lose" | "hibernating" | "lost";
                                nameZh: string;
                                nameEn: string;
                                strategyZh: string;
                                strategyEn: string;
                                members: number;
                                share: number;
                                revenue: string;
                                avgRecencyDays: number | null;
                                avgFrequency: number | null;
                            }[];
                            grid: {
                                r: number;
                                f: number;
                                members: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/rfm/compute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Score every buyer as of a workspace day, by default today (it also runs each night, as of that day); records and returns what it computed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Score as of this workspace calendar day (YYYY-MM-DD), today or earlier; default today */
                        asOf?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Buyers scored (0: no order, not fully refunded, by a live member in the window) */
                            scored: number;
                            /** Format: date-time */
                            computedAt: string;
                            /** @description The workspace day the scores are taken as of: recency counts whole days to it, later orders are not read */
                            asOf: string;
                            /** @description The whole workspace days whose orders were read, both included */
                            window: {
                                /** @description A calendar day of the workspace time zone */
                                from: string;
                                /** @description A calendar day of the workspace time zone */
                                to: string;
                            };
                            windowDays: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/rfm/layers/{layer}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change a layer's name or operating strategy */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    layer: "champions" | "loyal" | "potential_loyalist" | "new" | "promising" | "need_attention" | "about_to_sleep" | "at_risk" | "cant_lose" | "hibernating" | "lost";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        nameZh: string;
                        nameEn: string;
                        strategyZh: string;
                        strategyEn: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {unknown} */
                            key: "champions" | "loyal" | "potential_loyalist" | "new" | "promising" | "need_attention" | "about_to_sleep" | "at_risk" | "cant_lose" | "hibernating" | "lost";
                            nameZh: string;
                            nameEn: string;
                            strategyZh: string;
                            strategyEn: string;
                            members: number;
                            share: number;
                            revenue: string;
                            avgRecencyDays: number | null;
                            avgFrequency: number | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/rfm/layers/{layer}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The members of a layer */
        get: {
            parameters: {
                query?: {
                    /** @description Opaque cursor from the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    layer: "champions" | "loyal" | "potential_loyalist" | "new" | "promising" | "need_attention" | "about_to_sleep" | "at_risk" | "cant_lose" | "hibernating" | "lost";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asOf: string | null;
                            items: {
                                memberId: number;
                                name: string;
                                recencyDays: number;
                                frequency: number;
                                monetary: string;
                                r: number;
                                f: number;
                                m: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}/rfm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A member's RFM scores and layer (null: no order in the window) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            recencyDays: number;
                            frequency: number;
                            monetary: string;
                            r: number;
                            f: number;
                            m: number;
                            /** @enum {unknown} */
                            layer: "champions" | "loyal" | "potential_loyalist" | "new" | "promising" | "need_attention" | "about_to_sleep" | "at_risk" | "cant_lose" | "hibernating" | "lost";
                            nameZh: string;
                            nameEn: string;
                            strategyZh: string;
                            strategyEn: string;
                            /** Format: date-time */
                            computedAt: string;
                            /** @description The workspace day the scores are taken as of */
                            asOf: string;
                        } | null;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The settings behind the metric definitions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            meaningfulKinds: string[];
                            rfmWindowDays: number;
                            /** @description The least orders for F = 2, 3, 4 and 5 */
                            rfmFrequencyThresholds: number[];
                            rollupBasis: string | null;
                            /** @description Activated: at least this many meaningful activities … */
                            activationMinActivities: number;
                            /** @description … within this many days of joining */
                            activationDays: number;
                            /** @description Dormant: no meaningful activity for this many days */
                            dormantDays: number;
                            /** @description Churned: no meaningful activity for this many days (more than dormant) */
                            churnedDays: number;
                            lifecycleUpdatedAt: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change which kinds are meaningful (the rollups are rebuilt), the RFM window, or the lifecycle definitions */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        meaningfulKinds?: string[];
                        rfmWindowDays?: number;
                        /** @description The least orders for F = 2, 3, 4 and 5, rising (default 2, 3, 5, 8); applies from the next scoring */
                        rfmFrequencyThresholds?: number[];
                        activationMinActivities?: number;
                        activationDays?: number;
                        dormantDays?: number;
                        churnedDays?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            meaningfulKinds: string[];
                            rfmWindowDays: number;
                            /** @description The least orders for F = 2, 3, 4 and 5 */
                            rfmFrequencyThresholds: number[];
                            rollupBasis: string | null;
                            /** @description Activated: at least this many meaningful activities … */
                            activationMinActivities: number;
                            /** @description … within this many days of joining */
                            activationDays: number;
                            /** @description Dormant: no meaningful activity for this many days */
                            dormantDays: number;
                            /** @description Churned: no meaningful activity for this many days (more than dormant) */
                            churnedDays: number;
                            lifecycleUpdatedAt: string | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/analytics/business": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Word of mouth and business impact 口碑与商业价值: referrals, and revenue and orders by community, tier and RFM layer */
        get: {
            parameters: {
                query?: {
                    /** @description First day (YYYY-MM-DD, workspace time zone); default 30 days before `to` */
                    from?: string;
                    /** @description Last day, included (default today) */
                    to?: string;
                    communityId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            period: {
                                /** @description A calendar day of the workspace time zone */
                                from: string;
                                /** @description A calendar day of the workspace time zone */
                                to: string;
                            };
                            communityId: number | null;
                            totals: {
                                orders: number;
                                /** @description A decimal amount, e.g. "1200.00" */
                                revenue: string;
                                buyers: number;
                                /** @description Revenue ÷ orders ("0.00" without orders) */
                                averageOrderValue: string;
                                /** @description `referral` activities in the period */
                                referrals: number;
                                /** @description Distinct members who referred */
                                referrers: number;
                            };
                            byCommunity: {
                                key: number | null;
                                name: string;
                                /** @description Orders placed in the period, fully refunded ones excluded */
                                orders: number;
                                /** @description Σ (amount − refunded amount) of those orders */
                                revenue: string;
                                /** @description Distinct members who placed them */
                                buyers: number;
                                /** @description The row's revenue ÷ the total revenue (0 when there is none) */
                                share: number;
                            }[];
                            byTier: {
                                key: number | null;
                                nameZh: string;
                                nameEn: string;
                                /** @description Orders placed in the period, fully refunded ones excluded */
                                orders: number;
                                /** @description Σ (amount − refunded amount) of those orders */
                                revenue: string;
                                /** @description Distinct members who placed them */
                                buyers: number;
                                /** @description The row's revenue ÷ the total revenue (0 when there is none) */
                                share: number;
                            }[];
                            byLayer: {
                                /** @description The buyer's RFM layer at the last scoring; none: not scored */
                                key: string;
                                nameZh: string;
                                nameEn: string;
                                /** @description Orders placed in the period, fully refunded ones excluded */
                                orders: number;
                                /** @description Σ (amount − refunded amount) of those orders */
                                revenue: string;
                                /** @description Distinct members who placed them */
                                buyers: number;
                                /** @description The row's revenue ÷ the total revenue (0 when there is none) */
                                share: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Campaigns 营销活动 with their attributed revenue and ROI (archived ones when asked) */
        get: {
            parameters: {
                query?: {
                    /** @description Include archived campaigns */
                    archived?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                name: string;
                                tagId: number | null;
                                tagName: string | null;
                                /** @description A calendar day of the workspace time zone */
                                startsOn: string;
                                /** @description A calendar day of the workspace time zone */
                                endsOn: string;
                                attributionDays: number;
                                /** @description Last day an order is attributed: endsOn + attributionDays */
                                attributionUntil: string;
                                /** @description A decimal amount, e.g. "1200.00" */
                                cost: string;
                                currency: string;
                                notes: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                archivedAt: string | null;
                                figures: {
                                    /** @description Members carrying the tag, put on before the window closed */
                                    taggedMembers: number;
                                    /** @description Tagged members with at least one attributed order */
                                    buyers: number;
                                    /** @description buyers ÷ tagged members */
                                    conversion: number;
                                    /** @description Attributed orders */
                                    orders: number;
                                    /** @description Attributed revenue: Σ (amount − refunded amount) of the attributed orders */
                                    revenue: string;
                                    returnOnSpend: number | null;
                                    roi: number | null;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a campaign: a tag, its days, attribution days and cost */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        tagId: number;
                        /** @description First day of the campaign (YYYY-MM-DD, workspace time zone) */
                        startsOn: string;
                        /** @description Last day, included */
                        endsOn: string;
                        /** @description Orders up to this many days after the last day still count (default 7) */
                        attributionDays?: number;
                        /** @description What the campaign cost, e.g. "1200.00" (default 0) */
                        cost?: string;
                        /** @description Currency of the cost; only orders in it are attributed (default CNY) */
                        currency?: string;
                        notes?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            tagId: number | null;
                            tagName: string | null;
                            /** @description A calendar day of the workspace time zone */
                            startsOn: string;
                            /** @description A calendar day of the workspace time zone */
                            endsOn: string;
                            attributionDays: number;
                            /** @description Last day an order is attributed: endsOn + attributionDays */
                            attributionUntil: string;
                            /** @description A decimal amount, e.g. "1200.00" */
                            cost: string;
                            currency: string;
                            notes: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            archivedAt: string | null;
                            figures: {
                                /** @description Members carrying the tag, put on before the window closed */
                                taggedMembers: number;
                                /** @description Tagged members with at least one attributed order */
                                buyers: number;
                                /** @description buyers ÷ tagged members */
                                conversion: number;
                                /** @description Attributed orders */
                                orders: number;
                                /** @description Attributed revenue: Σ (amount − refunded amount) of the attributed orders */
                                revenue: string;
                                returnOnSpend: number | null;
                                roi: number | null;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A campaign's figures with its attributed revenue per day */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            tagId: number | null;
                            tagName: string | null;
                            /** @description A calendar day of the workspace time zone */
                            startsOn: string;
                            /** @description A calendar day of the workspace time zone */
                            endsOn: string;
                            attributionDays: number;
                            /** @description Last day an order is attributed: endsOn + attributionDays */
                            attributionUntil: string;
                            /** @description A decimal amount, e.g. "1200.00" */
                            cost: string;
                            currency: string;
                            notes: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            archivedAt: string | null;
                            figures: {
                                /** @description Members carrying the tag, put on before the window closed */
                                taggedMembers: number;
                                /** @description Tagged members with at least one attributed order */
                                buyers: number;
                                /** @description buyers ÷ tagged members */
                                conversion: number;
                                /** @description Attributed orders */
                                orders: number;
                                /** @description Attributed revenue: Σ (amount − refunded amount) of the attributed orders */
                                revenue: string;
                                returnOnSpend: number | null;
                                roi: number | null;
                            };
                            /** @description Attributed orders and revenue per day, from the first day to the window’s end or today */
                            series: {
                                /** @description A calendar day of the workspace time zone */
                                day: string;
                                orders: number;
                                /** @description A decimal amount, e.g. "1200.00" */
                                revenue: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Archive a campaign (it leaves the list; its figures can still be read) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            tagId: number | null;
                            tagName: string | null;
                            /** @description A calendar day of the workspace time zone */
                            startsOn: string;
                            /** @description A calendar day of the workspace time zone */
                            endsOn: string;
                            attributionDays: number;
                            /** @description Last day an order is attributed: endsOn + attributionDays */
                            attributionUntil: string;
                            /** @description A decimal amount, e.g. "1200.00" */
                            cost: string;
                            currency: string;
                            notes: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            archivedAt: string | null;
                            figures: {
                                /** @description Members carrying the tag, put on before the window closed */
                                taggedMembers: number;
                                /** @description Tagged members with at least one attributed order */
                                buyers: number;
                                /** @description buyers ÷ tagged members */
                                conversion: number;
                                /** @description Attributed orders */
                                orders: number;
                                /** @description Attributed revenue: Σ (amount − refunded amount) of the attributed orders */
                                revenue: string;
                                returnOnSpend: number | null;
                                roi: number | null;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a campaign */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        tagId?: number;
                        /** @description First day of the campaign (YYYY-MM-DD, workspace time zone) */
                        startsOn?: string;
                        /** @description Last day, included */
                        endsOn?: string;
                        /** @description Orders up to this many days after the last day still count (default 7) */
                        attributionDays?: number;
                        /** @description What the campaign cost, e.g. "1200.00" (default 0) */
                        cost?: string;
                        /** @description Currency of the cost; only orders in it are attributed (default CNY) */
                        currency?: string;
                        notes?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            tagId: number | null;
                            tagName: string | null;
                            /** @description A calendar day of the workspace time zone */
                            startsOn: string;
                            /** @description A calendar day of the workspace time zone */
                            endsOn: string;
                            attributionDays: number;
                            /** @description Last day an order is attributed: endsOn + attributionDays */
                            attributionUntil: string;
                            /** @description A decimal amount, e.g. "1200.00" */
                            cost: string;
                            currency: string;
                            notes: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            archivedAt: string | null;
                            figures: {
                                /** @description Members carrying the tag, put on before the window closed */
                                taggedMembers: number;
                                /** @description Tagged members with at least one attributed order */
                                buyers: number;
                                /** @description buyers ÷ tagged members */
                                conversion: number;
                                /** @description Attributed orders */
                                orders: number;
                                /** @description Attributed revenue: Σ (amount − refunded amount) of the attributed orders */
                                revenue: string;
                                returnOnSpend: number | null;
                                roi: number | null;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * Problem
         * @description RFC 9457 problem details
         */
        "def-0": {
            type: string;
            title: string;
            status: number;
            detail: string;
            code: string;
            instance?: string;
            requestId?: string;
            errors?: {
                path: string;
                message: string;
            }[];
            /** @description The refusal in figures, for clients that word it themselves (e.g. needed and balance for INSUFFICIENT_POINTS) */
            params?: {
                [key: string]: unknown;
            };
        };
        /** Staff */
        "def-1": {
            id: number;
            email: string;
            name: string;
            role: "owner" | "admin" | "operator" | "analyst" | "community_manager";
            disabled: boolean;
            communityIds: number[];
            /** Format: date-time */
            createdAt: string;
        };
        /** ApiKey */
        "def-2": {
            id: number;
            name: string;
            prefix: string;
            scopes: string[];
            /** Format: date-time */
            createdAt: string;
            lastUsedAt: string | null;
            revokedAt: string | null;
            createdBy: {
                type: "staff" | "api_key";
                id: number;
                name: string;
            } | null;
            /** @description Whether the key works now */
            active: boolean;
            inactiveReason: ("revoked" | "parent_revoked" | "creator_disabled") | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
